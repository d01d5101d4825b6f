namespace Tollgate.Gates.Lint;

/// <summary>Which severities fail the Lint gate (the others are listed but pass).</summary>
internal sealed record LintPolicy(IReadOnlyList<string> FailOn)
{
    /// <summary>The severities a policy may name.</summary>
    public static readonly IReadOnlyList<string> Severities = ["error", "warning", "note"];
}
