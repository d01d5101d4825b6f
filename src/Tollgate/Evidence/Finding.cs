namespace Tollgate.Evidence;

/// <summary>One thing a gate found: a failed test, a violation, a surviving mutant, a vulnerability.</summary>
/// <param name="Kind">What sort of finding, e.g. <c>test-failure</c>.</param>
/// <param name="Message">What is wrong, in one line.</param>
/// <param name="File">Repository-relative file, with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Rule">The rule, test or advisory id.</param>
/// <param name="Severity">The tool's severity, where it has one.</param>
/// <param name="Detail">More text: a stack top, a replacement, a fix.</param>
public sealed record Finding(
    string Kind, string Message, string? File = null, int? Line = null, string? Rule = null, string? Severity = null, string? Detail = null);
