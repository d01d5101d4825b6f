using System.Globalization;
using System.Text.RegularExpressions;

namespace Tollgate.Gates.Mutation;

/// <summary>
/// Follows a Stryker run from its debug output (Tollgate asks for it): what it is doing before testing (building, the
/// initial test run, measuring coverage), the mutants it creates in each file ("Mutating /r/A.cs", "Mutant 12 created"),
/// the number of mutants to test ("38 total mutants will be tested") and each finished test run ("Test run for 36:
/// Equality mutation, 49: String mutation is failed"), and says how far it is: tested/total, percent, time left (from
/// the pace since testing began, not since Stryker started building). A run that will take long names the files with
/// most mutants and the parameters that narrow it.
/// </summary>
/// <param name="clock">The time since the run started.</param>
/// <param name="inScope">Whether a file Stryker mutates (its full path) is in the run's <c>mutate</c> scope: Stryker creates mutants
/// in every file and drops the others later, so only these count for the files the hint names; null: every file.</param>
internal sealed partial class MutationProgress(Func<TimeSpan> clock, Func<string, bool>? inScope = null)
{
    /// <summary>From how long a remaining time on the progress line names the files to narrow the run to.</summary>
    public static readonly TimeSpan LongRun = TimeSpan.FromMinutes(10);

    private readonly object gate = new();
    private readonly Dictionary<string, int> mutantsByFile = new(StringComparer.Ordinal);
    private string phase = "Stryker is building and analysing";
    private string? file;
    private int total;
    private int tested;
    private TimeSpan testingSince;

    /// <summary>Reads one line of Stryker's output.</summary>
    public void Observe(string line)
    {
        if (Phase(line) is { } now)
        {
            lock (gate)
            {
                phase = now;
            }
        }
        else if (MutatingFile().Match(line) is { Success: true } mutating)
        {
            lock (gate)
            {
                var path = mutating.Groups[1].Value.Trim();
                file = inScope is null || inScope(path) ? Path.GetFileName(path) : null;
            }
        }
        else if (Created().IsMatch(line))
        {
            lock (gate)
            {
                if (file is not null)
                {
                    mutantsByFile[file] = mutantsByFile.GetValueOrDefault(file) + 1;
                }
            }
        }
        else if (Total().Match(line) is { Success: true } start)
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
        string doing;
        List<KeyValuePair<string, int>> largest;
        lock (gate)
        {
            (done, all, since, doing) = (tested, total, testingSince, phase);
            largest = mutantsByFile.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(3).ToList();
        }

        var elapsed = clock();
        if (all == 0)
        {
            return $"Mutating {project}: {Clock(elapsed)} elapsed, {doing}";
        }

        var testing = elapsed - since;
        var remaining = done == 0 ? (TimeSpan?)null : TimeSpan.FromTicks(testing.Ticks / done * Math.Max(0, all - done));
        var left = remaining is { } time ? $", about {Clock(time)} left" : "";
        var narrow = remaining >= LongRun && largest.Count > 0
            ? $"; most mutants in {string.Join(", ", largest.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key} ({f.Value})")))}: narrow the run with --mutation-mutate \"**/{largest[0].Key}\" or --mutation-since <ref>"
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"Mutating {project}: {Math.Min(done, all)}/{all} mutants tested ({Math.Min(100, done * 100 / all)} %), {Clock(elapsed)} elapsed{left}{narrow}");
    }

    // What Stryker does before it tests mutants, from the line that starts each step.
    private static string? Phase(string line) =>
        line.Contains("Initial test run started", StringComparison.Ordinal) ? "Stryker runs the tests once without mutants (initial test run)"
        : line.Contains("Capture mutant coverage", StringComparison.Ordinal) ? "Stryker measures which tests cover which mutant"
        : null;

    private static string Clock(TimeSpan span) => span.ToString(span.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"DBG\] Mutating (.+\.cs)\s*$")]
    private static partial Regex MutatingFile();

    [GeneratedRegex(@"DBG\] Mutant \d+ created ")]
    private static partial Regex Created();

    [GeneratedRegex(@"\b(\d+)\s+total mutants will be tested")]
    private static partial Regex Total();

    [GeneratedRegex(@"Test run for (.+) is (failed|success)")]
    private static partial Regex Finished();

    [GeneratedRegex(@"(?:^|,\s*)\d+:")]
    private static partial Regex Ids();
}
