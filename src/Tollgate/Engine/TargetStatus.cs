namespace Tollgate.Engine;

/// <summary>How a target ended.</summary>
internal enum TargetStatus
{
    /// <summary>Was planned but did not run, because a dependency failed or the build stopped.</summary>
    NotRun,

    /// <summary>Its actions ran and none threw.</summary>
    Succeeded,

    /// <summary>An action threw.</summary>
    Failed,

    /// <summary>Not run on purpose: a false condition or <c>--skip</c>; the reason is recorded.</summary>
    Skipped,

    /// <summary>An aggregate target without actions whose dependencies all succeeded or were skipped.</summary>
    Collective,

    /// <summary>Interrupted by Ctrl-C or SIGTERM while running.</summary>
    Aborted,
}
