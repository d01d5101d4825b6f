namespace Tollgate;

/// <summary>How much the build prints (<c>--verbosity</c>).</summary>
public enum Verbosity
{
    /// <summary>Errors and the summary only.</summary>
    Quiet,

    /// <summary>Warnings, target headers and the summary.</summary>
    Minimal,

    /// <summary>Progress of each step.</summary>
    Normal,

    /// <summary>Everything, including the output of every tool.</summary>
    Verbose,
}
