namespace Tollgate;

/// <summary>A gate's verdict.</summary>
public enum GateStatus
{
    /// <summary>Every check met its threshold.</summary>
    Passed,

    /// <summary>A check missed its threshold, or a report was missing or empty.</summary>
    Failed,

    /// <summary>The gate could not decide: a tool crashed, was missing, or its report did not parse.</summary>
    Error,

    /// <summary>The gate did not run in a run that planned it (<c>--skip</c>, a false condition, a dependency that failed); the reason says which. Never a pass.</summary>
    Skipped,
}
