using Tollgate.Gates.Review;
using Tollgate.Tools.Git;

namespace Tollgate.Tests.Review;

public sealed class PullRequestMarkdownTests
{
    private static PullRequestReport Report(int newProblems, IReadOnlyList<GateFinding>? fresh = null) => new(
        "0123456789abcdef0123", "fedcba9876543210fedc", "origin/main", "aaaaaaaaaaaaaaaa", null,
        [new ChangedFile("src/A.cs", null, ChangeKind.Modified, new HashSet<int> { 3, 4, 5 }), new ChangedFile("src/B.cs", "src/Old.cs", ChangeKind.Renamed, new HashSet<int>())],
        new ChangedLineCoverage(3, 3, 1, [new FileChangeCoverage("src/A.cs", 3, 3, 1, [(4, 5)])]), 80,
        [("Lint", "failed", "passed"), ("Coverage", "passed", "passed")],
        fresh ?? [.. Enumerable.Range(1, newProblems).Select(i => new GateFinding("Lint", new Finding
        {
            Kind = "lint",
            Message = $"Fix formatting {i}",
            File = "src/A.cs",
            Line = i,
            Rule = "IDE0055",
            Severity = "warning",
        }))],
        fresh ?? [.. Enumerable.Range(1, newProblems).Select(i => new GateFinding("Lint", new Finding
        {
            Kind = "lint",
            Message = $"Fix formatting {i}",
            File = "src/A.cs",
            Line = i,
            Rule = "IDE0055",
            Severity = "warning",
        }))],
        [new FigureDelta("Coverage", "line coverage", 81.5, 80.25, true), new FigureDelta("Lint", "lint violations", 0, newProblems, false), new FigureDelta("Test", "tests passed", 5, 5, false)]);

    [Fact]
    public void The_verdict_and_changed_lines_come_first_then_new_problems_gates_and_deltas_with_ranges_collapsed()
    {
        var report = Report(1);
        var result = PullRequestGate.Evaluate(report, failOnNew: false, new Dictionary<string, string>());

        var markdown = PullRequestMarkdown.Render(report, result);

        var lines = markdown.Split('\n');
        Assert.Equal(PullRequestMarkdown.Marker, lines[0]);
        Assert.Equal("## ❌ Tollgate: 0123456789ab against origin/main (fedcba987654)", lines[1]);
        Assert.Equal("- ❌ coverage of the changed lines is 33.33 % (1/3), below 80 %: 2 changed lines are not covered by a test", lines[3]);
        Assert.Equal("- **Changed lines:** 1 of 3 coverable changed lines covered (33.33 %, bar 80 %) ❌", lines[4]);
        Assert.Equal("- **New problems:** 1 (of 1 in this run; base bundle of aaaaaaaaaaaa)", lines[5]);
        Assert.Equal("- **Files changed:** 2 (1 modified, 1 renamed)", lines[6]);
        Assert.Contains("- `src/A.cs:1` **Lint** IDE0055: Fix formatting 1", lines);
        Assert.Contains("| Lint | ❌ failed | ✅ passed |", lines);
        Assert.Contains("| line coverage | 81.5 % | 80.25 % | −1.25 pp |", lines);
        Assert.Contains("| lint violations | 0 | 1 | +1 |", lines);
        Assert.Contains("| tests passed | 5 | 5 | ±0 |", lines);
        Assert.Contains("<details><summary>Changed lines not covered (2 in 1 file(s))</summary>", lines);
        Assert.Contains("- `src/A.cs`: 4–5 (1/3 covered)", lines);
        Assert.True(markdown.IndexOf("New problems", StringComparison.Ordinal) < markdown.IndexOf("| Gate |", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_base_bundle_the_report_says_so_and_judges_only_the_changed_lines()
    {
        var report = Report(0) with { BaseBundle = null, NoBaseReason = "no --base-evidence given", New = null, Deltas = [] };
        var result = PullRequestGate.Evaluate(report, failOnNew: true, new Dictionary<string, string>());

        var markdown = PullRequestMarkdown.Render(report, result);

        Assert.Contains("- **New problems:** unknown — no base bundle (no --base-evidence given); 0 problem(s) in this run", markdown, StringComparison.Ordinal);
        Assert.Equal(["coverage of the changed lines is 33.33 % (1/3), below 80 %: 2 changed lines are not covered by a test"], result.Reasons);
        Assert.Equal(0, result.Metrics["base"]);
    }

    [Fact]
    public void New_problems_fail_the_gate_only_when_asked_and_are_its_findings_either_way()
    {
        var report = Report(2) with { Coverage = new ChangedLineCoverage(3, 3, 3, [new FileChangeCoverage("src/A.cs", 3, 3, 3, [])]) };

        var reported = PullRequestGate.Evaluate(report, failOnNew: false, new Dictionary<string, string>());
        var gated = PullRequestGate.Evaluate(report, failOnNew: true, new Dictionary<string, string>());

        Assert.Equal(GateStatus.Passed, reported.Status);
        Assert.Equal(["Lint: Fix formatting 1", "Lint: Fix formatting 2"], reported.Findings.Where(f => f.Kind == "new").Select(f => f.Message));
        Assert.Equal(GateStatus.Failed, gated.Status);
        Assert.Equal(["2 new problem(s) that the base bundle does not have (Lint 2)"], gated.Reasons);
    }

    [Fact]
    public void Thousands_of_problems_stay_under_the_comment_limit_with_a_count_of_what_was_left_out()
    {
        var report = Report(5000);
        var result = PullRequestGate.Evaluate(report, failOnNew: false, new Dictionary<string, string>());

        var markdown = PullRequestMarkdown.Render(report, result);

        Assert.True(markdown.Length <= PullRequestMarkdown.MaxLength, $"{markdown.Length} characters");
        Assert.Contains("- … and 4950 more", markdown, StringComparison.Ordinal);
    }
}
