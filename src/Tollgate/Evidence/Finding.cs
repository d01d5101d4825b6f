using System.Text.Json.Serialization;

namespace Tollgate;

/// <summary>One thing a gate found: a failed test, a violation, a surviving mutant, a vulnerability.</summary>
public sealed record Finding
{
    /// <summary>What sort of finding, e.g. <c>test-failure</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>What is wrong, in one line.</summary>
    public required string Message { get; init; }

    /// <summary>Repository-relative file, with forward slashes.</summary>
    public string? File { get; init; }

    /// <summary>1-based line.</summary>
    public int? Line { get; init; }

    /// <summary>The rule, test or advisory id.</summary>
    public string? Rule { get; init; }

    /// <summary>The tool's severity, where it has one.</summary>
    public string? Severity { get; init; }

    /// <summary>More text: a stack top, a replacement, a fix.</summary>
    public string? Detail { get; init; }

    /// <summary>The scanner that reported it, for gates that run several (e.g. <c>trivy</c>, <c>nuget-audit</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scanner { get; init; }

    /// <summary>The package a vulnerability is in.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Package { get; init; }

    /// <summary>The package version in use.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InstalledVersion { get; init; }

    /// <summary>The first version that fixes it, when one is known.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FixedVersion { get; init; }

    /// <summary>
    /// A hash of the rule and the finding's line as written (whitespace collapsed), so the same problem on moved code is
    /// recognised in a later run: what a pull request's report uses to tell new findings from old ones.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Fingerprint { get; init; }

    /// <summary>Why the finding does not count against the gate (a suppression or allow-list entry), when it doesn't.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SuppressedBy { get; init; }
}
