namespace Tollgate.Engine;

/// <summary>The outcome of one planned target.</summary>
public sealed record TargetResult(
    string Name,
    TargetStatus Status,
    TimeSpan Duration,
    string? Reason,
    string? Headline,
    string? ClosingLine)
{
    /// <summary>True for the statuses that make the build fail.</summary>
    public bool IsFailure => Status is TargetStatus.Failed or TargetStatus.Aborted;
}
