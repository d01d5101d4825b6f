namespace Tollgate.Evidence;

/// <summary>A gate's verdict.</summary>
public enum GateStatus
{
    /// <summary>Every check met its threshold.</summary>
    Passed,

    /// <summary>A check missed its threshold, or a report was missing or empty.</summary>
    Failed,

    /// <summary>The gate could not decide: a tool crashed, was missing, or its report did not parse.</summary>
    Error,
}
