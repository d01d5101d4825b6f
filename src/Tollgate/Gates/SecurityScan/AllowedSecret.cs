using System.Text.RegularExpressions;

namespace Tollgate.Gates.SecurityScan;

/// <summary>A secret-scan hit the team says is not a secret (a documented example key, a test fixture): a path glob, optionally one rule, and why.</summary>
/// <param name="Path">Repository-relative glob: <c>*</c> within a folder, <c>**</c> across folders.</param>
/// <param name="Rule">Only this rule, when given.</param>
/// <param name="Reason">Why it is not a secret.</param>
/// <param name="Source">The file that allows it.</param>
internal sealed record AllowedSecret(string Path, string? Rule, string Reason, string Source)
{
    private Regex Glob { get; } = new(
        "^" + Regex.Escape(Path).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$",
        RegexOptions.CultureInvariant);

    /// <summary>Whether it allows a hit of <paramref name="rule"/> in <paramref name="file"/>.</summary>
    public bool Allows(string rule, string file) => (Rule is null || string.Equals(Rule, rule, StringComparison.OrdinalIgnoreCase)) && Glob.IsMatch(file);
}
