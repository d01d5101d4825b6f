namespace Tollgate.Engine;

/// <summary>The process exit codes of a build.</summary>
internal static class ExitCodes
{
    /// <summary>Every target succeeded, was skipped or was collective.</summary>
    public const int Success = 0;

    /// <summary>A target failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: arguments, parameters, target graph, requirements.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted by SIGINT or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Aborted = 130;
}
