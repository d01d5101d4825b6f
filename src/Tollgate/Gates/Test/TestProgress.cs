using System.Globalization;
using System.Text.RegularExpressions;

namespace Tollgate.Gates.Test;

/// <summary>
/// Follows test runs from VSTest's console output (one "Passed/Failed/Skipped name" line per test, which Tollgate
/// asks for) and says how far they are: tests done, of about how many (the last run's count, when there was
/// one), failures so far and the time elapsed.
/// </summary>
/// <param name="expected">How many tests the last run of these projects had; 0 when unknown.</param>
/// <param name="clock">The time since the runs started.</param>
internal sealed partial class TestProgress(int expected, Func<TimeSpan> clock)
{
    private int done;
    private int failed;

    /// <summary>Reads one line of a run's output.</summary>
    public void Observe(string line)
    {
        if (Result().Match(line) is not { Success: true } result)
        {
            return;
        }

        Interlocked.Increment(ref done);
        if (result.Groups[1].Value == "Failed" || result.Groups[2].Value == "failed")
        {
            Interlocked.Increment(ref failed);
        }
    }

    /// <summary>"Testing: 312 of about 463 tests done (1 failed), 4:30 elapsed".</summary>
    public string Describe()
    {
        var (now, failures) = (Volatile.Read(ref done), Volatile.Read(ref failed));
        var of = expected > 0 ? $" of about {expected.ToString(CultureInfo.InvariantCulture)}" : "";
        var failing = failures > 0 ? $" ({failures.ToString(CultureInfo.InvariantCulture)} failed)" : "";
        var elapsed = clock();
        return $"Testing: {now.ToString(CultureInfo.InvariantCulture)}{of} tests done{failing}, {elapsed.ToString(elapsed.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture)} elapsed";
    }

    // VSTest's console logger at normal verbosity: "  Passed Namespace.Class.Method [12 ms]"; Microsoft.Testing.Platform's
    // detailed output: "passed Namespace.Class.Method (12ms)".
    [GeneratedRegex(@"^\s*(?:(Passed|Failed|Skipped)\s+\S.*\[[^\]]+\]|(passed|failed|skipped)\s+\S.*\([^)]+\))\s*$")]
    private static partial Regex Result();
}
