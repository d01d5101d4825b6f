using System.Text.Json.Serialization;

namespace Tollgate;

/// <summary>One thing a gate found: a failed test, a violation, a surviving mutant, a vulnerability.</summary>
/// <param name="Kind">What sort of finding, e.g. <c>test-failure</c>.</param>
/// <param name="Message">What is wrong, in one line.</param>
/// <param name="File">Repository-relative file, with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Rule">The rule, test or advisory id.</param>
/// <param name="Severity">The tool's severity, where it has one.</param>
/// <param name="Detail">More text: a stack top, a replacement, a fix.</param>
public sealed record Finding(
    string Kind, string Message, string? File = null, int? Line = null, string? Rule = null, string? Severity = null, string? Detail = null)
{
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
