namespace Tollgate;

/// <summary>What a running target can see and report.</summary>
public sealed class TargetContext
{
    internal TargetContext(string name, BuildLog log, CancellationToken cancellation)
    {
        Name = name;
        Log = log;
        Cancellation = cancellation;
    }

    /// <summary>The target's name.</summary>
    public string Name { get; }

    /// <summary>The build's log (secrets masked).</summary>
    public BuildLog Log { get; }

    /// <summary>Cancelled on Ctrl-C (SIGINT) or SIGTERM.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The figure shown in the summary table, e.g. "82.4 % lines".</summary>
    public string? Headline { get; set; }

    /// <summary>A line printed as the very last line of the build's output (e.g. the test totals).</summary>
    public string? ClosingLine { get; set; }
}
