using Tollgate.IO;

namespace Tollgate.Gates.SecurityScan;

/// <summary>The SecurityScan gate's policy: which severities fail it, and the repository's waivers, suppressions and allowed secrets, judged on <paramref name="Today"/>.</summary>
internal sealed record SecurityPolicy(IReadOnlyList<string> FailOn, SecurityPolicyEntries Entries, string PolicySource, DateOnly Today)
{
    /// <summary>The severities, most severe first.</summary>
    public static readonly IReadOnlyList<string> Severities = ["critical", "high", "medium", "low", "unknown"];

    /// <summary>The repository's policy: <c>.nuke/security.json</c> with the <c>.trivyignore</c> entries as suppressions.</summary>
    public static SecurityPolicy Of(string root, IReadOnlyList<string> failOn, DateOnly today)
    {
        var policyFile = Path.Combine(root, ".nuke", SecurityPolicyFile.FileName);
        var policySource = PortablePath.Relative(root, policyFile);
        var entries = SecurityPolicyFile.Read(policyFile, policySource);
        var trivyIgnore = Path.Combine(root, ".trivyignore");
        if (File.Exists(trivyIgnore))
        {
            entries = entries with { Suppressions = [.. entries.Suppressions, .. TrivyIgnoreFile.Parse(File.ReadAllText(trivyIgnore), ".trivyignore")] };
        }

        return new SecurityPolicy(failOn, entries, policySource, today);
    }

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
