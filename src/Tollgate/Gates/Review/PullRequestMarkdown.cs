using System.Globalization;
using System.Text;
using Tollgate.Evidence;
using Tollgate.Tools.Git;

namespace Tollgate.Gates.Review;

/// <summary>
/// <c>pr-report.md</c>: the pull request's comment body. The verdict and the changed lines' coverage first, then the new
/// problems, then the gates with their deltas; uncovered ranges and the full lists collapsed. Never longer than a host
/// accepts (<see cref="MaxLength"/>): lists are cut with a count of what was left out, which the gate document has whole.
/// </summary>
internal static class PullRequestMarkdown
{
    /// <summary>The marker the comment is found by, to update it instead of adding another.</summary>
    public const string Marker = "<!-- tollgate:pull-request-report -->";

    /// <summary>GitHub's comment limit is 65,536 characters; GitLab's is larger.</summary>
    public const int MaxLength = 65_000;

    /// <summary>Lines of a list shown before it is cut.</summary>
    public const int ListLimit = 50;

    /// <summary>Renders the report; <paramref name="result"/> is the PullRequest gate's verdict.</summary>
    public static string Render(PullRequestReport report, GateResult result, int listLimit = ListLimit)
    {
        var text = new StringBuilder();
        text.AppendLine(Marker);
        var passed = result.Status == GateStatus.Passed && report.Statuses.All(s => s.Now is "passed" or "skipped");
        text.AppendLine(CultureInfo.InvariantCulture, $"## {(passed ? "✅" : "❌")} Tollgate: {Short(report.Commit)} against {report.BaseRef} ({Short(report.MergeBase)})");
        text.AppendLine();
        foreach (var reason in result.Reasons)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- ❌ {Escape(reason)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"- **Changed lines:** {CoverageLine(report)}");
        text.AppendLine(report.New is null
            ? $"- **New problems:** unknown — no base bundle ({Escape(report.NoBaseReason ?? "none given")}); {report.Problems.Count} problem(s) in this run"
            : $"- **New problems:** {report.New.Count} (of {report.Problems.Count} in this run; base bundle of {Short(report.BaseBundle)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Files changed:** {report.Changes.Count} ({Counts(report.Changes)})");
        text.AppendLine();

        if (report.New is { Count: > 0 } fresh)
        {
            text.AppendLine("### New problems");
            text.AppendLine();
            AppendList(text, fresh.OrderBy(f => Rank(f.Finding.Severity)).Select(f => $"- {Where(f.Finding)} **{f.Gate}** {Escape(f.Finding.Rule ?? f.Finding.Kind)}: {Escape(f.Finding.Message)}"), listLimit);
            text.AppendLine();
        }

        text.AppendLine("### Gates");
        text.AppendLine();
        text.AppendLine("| Gate | This change | Base |");
        text.AppendLine("|---|---|---|");
        foreach (var (gate, now, before) in report.Statuses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {gate} | {Icon(now)} {now} | {(before is null ? "—" : $"{Icon(before)} {before}")} |");
        }

        text.AppendLine();
        if (report.Deltas.Count > 0)
        {
            text.AppendLine("| Figure | Base | This change | Δ |");
            text.AppendLine("|---|---:|---:|---:|");
            foreach (var delta in report.Deltas)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {delta.Figure} | {Number(delta.Base, delta.Percent)} | {Number(delta.Now, delta.Percent)} | {Change(delta)} |");
            }

            text.AppendLine();
        }

        var uncovered = report.Coverage?.Files.Where(f => f.Uncovered.Count > 0).ToList() ?? [];
        if (uncovered.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>Changed lines not covered ({uncovered.Sum(f => f.Coverable - f.Covered)} in {uncovered.Count} file(s))</summary>");
            text.AppendLine();
            AppendList(text, uncovered.Select(f => $"- `{Code(f.File)}`: {string.Join(", ", f.Uncovered.Select(r => r.From == r.To ? $"{r.From}" : $"{r.From}–{r.To}"))} ({f.Covered}/{f.Coverable} covered)"), listLimit);
            text.AppendLine();
            text.AppendLine("</details>");
            text.AppendLine();
        }

        if (report.Problems.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>Every problem of this run ({report.Problems.Count})</summary>");
            text.AppendLine();
            AppendList(text, report.Problems.Select(f => $"- {Where(f.Finding)} **{f.Gate}** {Escape(f.Finding.Rule ?? f.Finding.Kind)}: {Escape(f.Finding.Message)}"), listLimit);
            text.AppendLine();
            text.AppendLine("</details>");
            text.AppendLine();
        }

        text.AppendLine("<sub>Full evidence: `artifacts/evidence/` (gates/pullrequest.json has every range and finding).</sub>");
        var rendered = text.ToString();
        return rendered.Length <= MaxLength || listLimit <= 1 ? Cut(rendered) : Render(report, result, listLimit / 2);
    }

    private static string Cut(string text) =>
        text.Length <= MaxLength ? text : text[..(MaxLength - 80)] + "\n\n… (cut to the host's comment size; the evidence has the rest)\n";

    private static string CoverageLine(PullRequestReport report) => report.Coverage switch
    {
        null => "no coverage report in this run",
        { Coverable: 0 } c => $"{c.Changed} changed, none coverable (nothing to judge)",
        var c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Covered} of {c.Coverable} coverable changed lines covered ({c.Percent:0.##} %, bar {report.ChangedLinesThreshold:0.##} %) {(report.CoverageReached ? "✅" : "❌")}"),
    };

    private static void AppendList(StringBuilder text, IEnumerable<string> lines, int limit)
    {
        var all = lines.ToList();
        foreach (var line in all.Take(limit))
        {
            text.AppendLine(line);
        }

        if (all.Count > limit)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- … and {all.Count - limit} more");
        }
    }

    private static string Counts(IReadOnlyList<ChangedFile> changes) =>
        string.Join(", ", changes.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    private static string Where(Finding finding) =>
        finding.File is null ? "" : $"`{Code(finding.File)}{(finding.Line is { } line ? $":{line}" : "")}`";

    private static string Number(double? value, bool percent) =>
        value is not { } v ? "—" : v.ToString("0.##", CultureInfo.InvariantCulture) + (percent ? " %" : "");

    private static string Change(FigureDelta delta)
    {
        if (delta.Change is not { } change)
        {
            return "—";
        }

        var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        return sign + Math.Abs(change).ToString("0.##", CultureInfo.InvariantCulture) + (delta.Percent ? " pp" : "");
    }

    private static string Icon(string status) => status switch
    {
        "passed" => "✅",
        "skipped" => "⏭️",
        _ => "❌",
    };

    private static int Rank(string? severity) => severity?.ToLowerInvariant() switch
    {
        "critical" => 0,
        "high" or "error" => 1,
        "medium" or "warning" => 2,
        _ => 3,
    };

    private static string Short(string? sha) => sha is null ? "(unknown)" : sha.Length > 12 ? sha[..12] : sha;

    private static string Code(string text) => text.Replace("`", "'", StringComparison.Ordinal);

    private static string Escape(string text) =>
        text.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
