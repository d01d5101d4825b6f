namespace Tollgate.Gates.SecurityScan;

/// <summary>The SecurityScan gate's policy: which severities fail it, and the repository's waivers, suppressions and allowed secrets, judged on <paramref name="Today"/>.</summary>
internal sealed record SecurityPolicy(IReadOnlyList<string> FailOn, SecurityPolicyEntries Entries, string PolicySource, DateOnly Today)
{
    /// <summary>The severities, most severe first.</summary>
    public static readonly IReadOnlyList<string> Severities = ["critical", "high", "medium", "low", "unknown"];

    /// <summary>A tool's severity in Tollgate's words: NuGet's <c>Moderate</c> is <c>medium</c>, anything unknown is <c>unknown</c>.</summary>
    public static string Normalize(string? severity) => severity?.Trim().ToLowerInvariant() switch
    {
        "critical" => "critical",
        "high" => "high",
        "medium" or "moderate" => "medium",
        "low" => "low",
        _ => "unknown",
    };
}
