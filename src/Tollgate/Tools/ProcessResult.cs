namespace Tollgate;

/// <summary>How an external program ended, with its output (secrets masked).</summary>
/// <param name="Spec">What was run.</param>
/// <param name="ExitCode">Its exit code (-1 when killed on time-out).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Duration">Wall time.</param>
/// <param name="TimedOut">True when the time-out killed it.</param>
public sealed record ProcessResult(ProcessSpec Spec, int ExitCode, string Output, string Error, TimeSpan Duration, bool TimedOut)
{
    /// <summary>True when it exited 0 in time.</summary>
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The last lines of its output and error, for a failure message.</summary>
    public string Tail(int lines = 15) =>
        string.Join('\n', (Output + "\n" + Error).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}
