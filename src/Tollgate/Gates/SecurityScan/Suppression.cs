namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// A finding the team accepts for a while: an advisory or check id (optionally only in one package),
/// why, and until when. From <c>.trivyignore</c> or <c>.nuke/security.json</c>.
/// </summary>
/// <param name="Id">The advisory, check or rule id (or a NuGet advisory URL).</param>
/// <param name="Package">Only in this package, when given.</param>
/// <param name="Reason">Why it is accepted; required.</param>
/// <param name="Expires">The last day it holds; required.</param>
/// <param name="Source">Where it is written, as <c>file:line</c> or <c>file</c>.</param>
internal sealed record Suppression(string Id, string? Package, string? Reason, DateOnly? Expires, string Source)
{
    /// <summary>Whether it still holds on <paramref name="today"/> (the expiry day included).</summary>
    public bool IsActiveOn(DateOnly today) => Expires is { } last && today <= last && !string.IsNullOrWhiteSpace(Reason);

    /// <summary>Whether it is about <paramref name="id"/> in <paramref name="package"/>.</summary>
    public bool Covers(string id, string? advisoryUrl, string? package) =>
        (string.Equals(Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(Id, advisoryUrl, StringComparison.OrdinalIgnoreCase))
        && (Package is null || string.Equals(Package, package, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with it on <paramref name="today"/>, or null when nothing is.</summary>
    public string? Problem(DateOnly today) =>
        string.IsNullOrWhiteSpace(Reason) ? $"suppression of {Id} ({Source}) gives no reason; write why it is accepted"
        : Expires is null ? $"suppression of {Id} ({Source}) has no expiry date; give the last day it holds (YYYY-MM-DD)"
        : today > Expires ? $"suppression of {Id} ({Source}) expired on {Expires:yyyy-MM-dd}; fix the finding or renew the suppression with a reason"
        : null;
}
