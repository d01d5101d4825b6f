using System.Globalization;
using System.Text.RegularExpressions;

namespace Tollgate.Gates.Mutation;

/// <summary>
/// Follows a Stryker run from its debug output (Tollgate asks for it): the number of mutants to test
/// ("38 total mutants will be tested") and each finished test run ("Test run for 36: Equality mutation,
/// 49: String mutation is failed"), and says how far it is: tested/total, percent, time left (from the pace
/// since testing began, not since Stryker started building).
/// </summary>
/// <param name="clock">The time since the run started.</param>
internal sealed partial class MutationProgress(Func<TimeSpan> clock)
{
    private readonly object gate = new();
    private int total;
    private int tested;
    private TimeSpan testingSince;

    /// <summary>Reads one line of Stryker's output.</summary>
    public void Observe(string line)
    {
        if (Total().Match(line) is { Success: true } start)
        {
            lock (gate)
            {
                total = int.Parse(start.Groups[1].Value, CultureInfo.InvariantCulture);
                testingSince = clock();
            }
        }
        else if (Finished().Match(line) is { Success: true } run)
        {
            var mutants = Ids().Matches(run.Groups[1].Value).Count;
            lock (gate)
            {
                tested += mutants;
            }
        }
    }

    /// <summary>The progress line now: "12/38 mutants tested (31 %), 1:10 elapsed, about 1:05 left", or what Stryker is still doing.</summary>
    public string Describe(string project)
    {
        int done, all;
        TimeSpan since;
        lock (gate)
        {
            (done, all, since) = (tested, total, testingSince);
        }

        var elapsed = clock();
        if (all == 0)
        {
            return $"Mutating {project}: {Clock(elapsed)} elapsed, Stryker is building and analysing";
        }

        var testing = elapsed - since;
        var left = done == 0 ? "" : $", about {Clock(TimeSpan.FromTicks(testing.Ticks / done * Math.Max(0, all - done)))} left";
        return string.Create(CultureInfo.InvariantCulture, $"Mutating {project}: {Math.Min(done, all)}/{all} mutants tested ({Math.Min(100, done * 100 / all)} %), {Clock(elapsed)} elapsed{left}");
    }

    private static string Clock(TimeSpan span) => span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(\d+)\s+total mutants will be tested")]
    private static partial Regex Total();

    [GeneratedRegex(@"Test run for (.+) is (failed|success)")]
    private static partial Regex Finished();

    [GeneratedRegex(@"(?:^|,\s*)\d+:")]
    private static partial Regex Ids();
}
