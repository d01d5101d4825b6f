namespace Tollgate.Engine;

/// <summary>What one run did: the plan, each target's result, the parameters in force, any input error.</summary>
/// <param name="Root">The build root.</param>
/// <param name="Requested">The targets asked for.</param>
/// <param name="Results">One result per planned target, in plan order (empty when nothing ran).</param>
/// <param name="Parameters">Every parameter with its effective value and source (empty when they did not resolve).</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Error">The input error that stopped the run before any target ran, if one did.</param>
/// <param name="WritesEvidence">True when a target ran and not every planned target leaves evidence alone.</param>
/// <param name="Aborted">True when a signal (or the caller's cancellation) interrupted the run.</param>
internal sealed record BuildReport(
    AbsolutePath Root,
    IReadOnlyList<string> Requested,
    IReadOnlyList<TargetResult> Results,
    IReadOnlyList<ResolvedParameter> Parameters,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? Error,
    bool WritesEvidence,
    bool Aborted = false)
{
    /// <summary>True when the run ended well: no input error, no abort, and every planned target ran or was skipped on purpose.</summary>
    public bool Succeeded => Error is null && !Aborted && !Results.Any(r => r.IsFailure || r.Status == TargetStatus.NotRun);
}
