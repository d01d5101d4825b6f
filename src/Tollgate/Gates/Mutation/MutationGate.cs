using System.Globalization;
using Tollgate.Evidence;
using Tollgate.Tools.Stryker;

namespace Tollgate.Gates.Mutation;

/// <summary>
/// The Mutation gate's verdict: score = (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage),
/// from the report's statuses (CompileError, RuntimeError and Ignored count nowhere). Stryker failing
/// (exit 1, or no report) is an error, not a low score; the projects it finished keep their figures in the
/// evidence. No valid mutant fails unless the policy says the scope is empty on purpose.
/// </summary>
internal static class MutationGate
{
    /// <summary>The gate's name.</summary>
    public const string Name = "Mutation";

    /// <summary>How many files with most survivors lead the findings.</summary>
    public const int HotspotFiles = 10;

    private static readonly string[] Statuses = ["Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "RuntimeError", "Ignored"];

    /// <summary>Judges the runs of every mutated project.</summary>
    public static GateResult Evaluate(IReadOnlyList<MutationRun> runs, MutationPolicy policy, IReadOnlyDictionary<string, string> tools)
    {
        var thresholds = new Dictionary<string, double> { ["score"] = policy.Threshold };
        var failed = runs.Where(r => !r.Finished).ToList();
        var finished = runs.Except(failed).ToList();
        if (runs.Count == 0 || finished.Count == 0)
        {
            var reasons = runs.Count == 0
                ? ["no project to mutate: no non-test project is referenced by a test project (or --mutation-projects names none)"]
                : failed.Select(Failure).ToList();
            return new GateResult(Name, GateStatus.Error, "Stryker did not finish", reasons, new Dictionary<string, double>(), thresholds, tools, []);
        }

        // The projects Stryker finished keep their figures; one that failed makes the gate an error naming it.
        var partial = EvaluateFinished(finished, policy, tools);
        if (failed.Count == 0)
        {
            return partial;
        }

        return partial with
        {
            Status = GateStatus.Error,
            Headline = $"{partial.Headline}; Stryker failed on {string.Join(", ", failed.Select(f => f.Project))}",
            Reasons = [.. failed.Select(Failure), .. partial.Reasons],
        };
    }

    private static string Failure(MutationRun run) =>
        $"Stryker failed on {run.Project} (exit {run.ExitCode}{(run.Mutants is null ? ", no report" : "")}): {run.OutputTail}";

    private static GateResult EvaluateFinished(IReadOnlyList<MutationRun> runs, MutationPolicy policy, IReadOnlyDictionary<string, string> tools)
    {
        var thresholds = new Dictionary<string, double> { ["score"] = policy.Threshold };
        var mutants = runs.SelectMany(r => r.Mutants!).ToList();
        var metrics = Statuses.ToDictionary(s => s.ToLowerInvariant(), s => (double)mutants.Count(m => m.Status == s));
        long detected = mutants.Count(m => m.Status is "Killed" or "Timeout");
        long valid = detected + mutants.Count(m => m.Status is "Survived" or "NoCoverage");
        metrics["valid"] = valid;
        metrics["incremental"] = policy.Since is null ? 0 : 1;
        var scope = policy.Since is null ? "" : $" (incremental since {policy.Since})";
        var findings = Hotspots(mutants).Concat(Undetected(mutants)).ToList();

        if (valid == 0)
        {
            var why = policy.Since is null ? "nothing to mutate: the scope holds no valid mutant" : $"nothing to mutate: no code changed since {policy.Since}";
            return policy.EmptyScopeAllowed
                ? new GateResult(Name, GateStatus.Passed, "no mutants (scope empty on purpose)" + scope, [], metrics, thresholds, tools, findings)
                : new GateResult(Name, GateStatus.Failed, "nothing to mutate" + scope, [why + " (set --mutation-empty-scope-allowed if that is intended)"], metrics, thresholds, tools, findings);
        }

        var score = Math.Round(detected * 100.0 / valid, 2);
        metrics["score"] = score;
        var passed = detected * 100.0 >= policy.Threshold * valid;
        var reasons2 = passed
            ? new List<string>()
            : [string.Create(CultureInfo.InvariantCulture, $"mutation score {score:0.##} % ({detected}/{valid}) is below {policy.Threshold:0.##} %: {valid - detected} mutants were not detected")];
        var headline = string.Create(CultureInfo.InvariantCulture, $"{score:0.##} % ({detected}/{valid} mutants)") + scope;
        return new GateResult(Name, passed ? GateStatus.Passed : GateStatus.Failed, headline, reasons2, metrics, thresholds, tools, findings);
    }

    private static IEnumerable<Finding> Hotspots(IReadOnlyList<Mutant> mutants) => mutants
        .Where(m => m.Status is "Survived" or "NoCoverage")
        .GroupBy(m => m.File)
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Take(HotspotFiles)
        .Select(g => new Finding
        {
            Kind = "hotspot",
            Message = $"{g.Count()} undetected mutant{(g.Count() == 1 ? "" : "s")}",
            File = g.Key,
            Rule = "undetected-mutants",
        });

    private static IEnumerable<Finding> Undetected(IReadOnlyList<Mutant> mutants) => mutants
        .Where(m => m.Status is "Survived" or "NoCoverage")
        .OrderBy(m => m.File, StringComparer.Ordinal).ThenBy(m => m.Line)
        .Select(m => new Finding
        {
            Kind = m.Status == "Survived" ? "survived" : "no-coverage",
            Message = $"{m.Original} → {m.Replacement}",
            File = m.File,
            Line = m.Line,
            Rule = m.Mutator,
            Detail = m.Status,
        });
}
