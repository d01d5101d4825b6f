namespace Tollgate.Gates.SecurityScan;

/// <summary>What <c>.nuke/security.json</c> says: scanners waived (with reasons), suppressions, secrets allowed.</summary>
internal sealed record SecurityPolicyEntries(
    IReadOnlyDictionary<string, string> Waivers, IReadOnlyList<Suppression> Suppressions, IReadOnlyList<AllowedSecret> AllowedSecrets)
{
    /// <summary>No file: nothing waived, suppressed or allowed.</summary>
    public static SecurityPolicyEntries None { get; } = new(new Dictionary<string, string>(), [], []);
}
