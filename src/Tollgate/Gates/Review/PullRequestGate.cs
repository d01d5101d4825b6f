using System.Globalization;
using Tollgate.Evidence;

namespace Tollgate.Gates.Review;

/// <summary>
/// The PullRequest gate's verdict: the changed lines' coverage held to its bar (counts: covered × 100 ≥ bar × coverable),
/// and, with <c>--fail-on-new-only</c>, no problem the base bundle does not have. Its findings are the uncovered changed
/// ranges and the new problems, so a reviewer and the host's annotations see exactly those.
/// </summary>
internal static class PullRequestGate
{
    /// <summary>The gate's name.</summary>
    public const string Name = "PullRequest";

    /// <summary>Judges <paramref name="report"/>.</summary>
    public static GateResult Evaluate(PullRequestReport report, bool failOnNew, IReadOnlyDictionary<string, string> tools)
    {
        var coverage = report.Coverage;
        var metrics = new Dictionary<string, double>
        {
            ["changedFiles"] = report.Changes.Count,
            ["changedLines"] = coverage?.Changed ?? report.Changes.Sum(c => c.Lines.Count),
            ["changedCoverable"] = coverage?.Coverable ?? 0,
            ["changedCovered"] = coverage?.Covered ?? 0,
            ["problems"] = report.Problems.Count,
            ["base"] = report.BaseBundle is null ? 0 : 1,
        };
        if (coverage?.Percent is { } percent)
        {
            metrics["changedCoverage"] = percent;
        }

        if (report.New is { } fresh)
        {
            metrics["newProblems"] = fresh.Count;
        }

        var reasons = new List<string>();
        if (coverage is null)
        {
            reasons.Add("this run has no merged coverage report (artifacts/coverage/Cobertura.xml): run the Coverage gate before the report");
        }
        else if (coverage.Coverable > 0 && coverage.Covered * 100.0 < report.ChangedLinesThreshold * coverage.Coverable)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"coverage of the changed lines is {coverage.Percent:0.##} % ({coverage.Covered}/{coverage.Coverable}), below {report.ChangedLinesThreshold:0.##} %: {Lines(coverage.Coverable - coverage.Covered)} not covered by a test"));
        }

        if (failOnNew && report.New is { Count: > 0 } added)
        {
            reasons.Add($"{added.Count} new problem(s) that the base bundle does not have ({string.Join(", ", added.GroupBy(f => f.Gate).Select(g => $"{g.Key} {g.Count()}"))})");
        }

        var headline = (coverage is null ? "no coverage report" : coverage.Percent is { } shown
                ? string.Create(CultureInfo.InvariantCulture, $"changed lines {shown:0.##} % covered ({coverage.Covered}/{coverage.Coverable})")
                : "no coverable line changed")
            + (report.New is null ? $"; no base bundle" : $"; {report.New.Count} new problem(s)");
        var findings = (coverage?.Files ?? [])
            .SelectMany(f => f.Uncovered.Select(r => new Finding
            {
                Kind = "uncovered-change",
                Message = r.From == r.To ? $"changed line {r.From} is not covered" : $"changed lines {r.From}–{r.To} are not covered",
                File = f.File,
                Line = r.From,
                Rule = "changed-line-coverage",
            }))
            .Concat((report.New ?? []).Select(n => n.Finding with { Kind = "new", Message = $"{n.Gate}: {n.Finding.Message}", Detail = n.Finding.Kind }))
            .ToList();
        return new GateResult(
            Name, reasons.Count == 0 ? GateStatus.Passed : GateStatus.Failed, headline, reasons, metrics,
            new Dictionary<string, double> { ["changedCoverage"] = report.ChangedLinesThreshold }, tools, findings);
    }

    private static string Lines(int count) => count == 1 ? "1 changed line is" : $"{count} changed lines are";
}
