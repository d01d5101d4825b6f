namespace Tollgate.Engine;

/// <summary>The outcome of one planned target.</summary>
internal sealed record TargetResult(
    string Name,
    TargetStatus Status,
    TimeSpan Duration,
    string? Reason,
    string? Headline,
    string? ClosingLine)
{
    /// <summary>True for the statuses that make the build fail.</summary>
    public bool IsFailure => Status is TargetStatus.Failed or TargetStatus.Aborted;

    /// <summary>True when the target's actions ran (or it failed or was aborted): a run with such a target has evidence to write.</summary>
    public bool Ran => Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Aborted;
}
