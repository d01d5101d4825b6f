using Tollgate.Ci;
using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Review;

/// <summary>On a pull request each host annotates only findings on lines the change wrote; elsewhere every finding, as before.</summary>
public sealed class ChangedLineAnnotationTests : IDisposable
{
    private readonly TempDirectory evidence = new(withNuke: false);

    private static readonly GateResult Lint = new(
        "Lint", GateStatus.Failed, "2 violations", ["2 violations at severity error or warning"], new Dictionary<string, double>(), new Dictionary<string, double>(),
        new Dictionary<string, string>(), [new Finding { Kind = "lint", Message = "Fix formatting", File = "src/A.cs", Line = 12, Rule = "IDE0055" }, new Finding
        {
            Kind = "lint",
            Message = "Fix formatting",
            File = "src/Old.cs",
            Line = 4,
            Rule = "IDE0055",
        }]);

    public ChangedLineAnnotationTests()
    {
        evidence.Write("summary.md", "# Tollgate evidence: failed\n");
        evidence.Write("pr-report.md", "<!-- tollgate:pull-request-report -->\n## report\n");
        evidence.Write(PullRequestFiles.ChangedLines, """{ "src/A.cs": [ 11, 12, 13 ] }""");
    }

    public void Dispose() => evidence.Dispose();

    private string Publish(Func<BuildLog, CiConsole> console)
    {
        using var output = new StringWriter();
        var log = new BuildLog(output, output, Verbosity.Normal, new SecretMasker());
        console(log).Publish(new CiPublication(evidence.Path, evidence.Path, [Lint]));
        return output.ToString();
    }

    [Fact]
    public void Azure_logs_issues_on_changed_lines_only_and_uploads_the_report_before_the_summary()
    {
        var lines = Publish(log => new AzureConsole(log)).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Contains("##vso[task.logissue type=error;sourcepath=src/A.cs;linenumber=12;code=IDE0055]Lint: Fix formatting", lines);
        Assert.DoesNotContain(lines, l => l.Contains("src/Old.cs", StringComparison.Ordinal));
        Assert.Contains("##vso[task.logissue type=error;code=Lint]Lint: 2 violations at severity error or warning", lines);
        var uploads = lines.Where(l => l.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal)).ToList();
        Assert.Equal([Path.Combine(evidence.Path, "pr-report.md"), Path.Combine(evidence.Path, "summary.md")], uploads.Select(u => u["##vso[task.uploadsummary]".Length..]));
    }

    [Fact]
    public void GitHub_annotates_changed_lines_only_and_puts_the_report_first_in_the_step_summary()
    {
        var summary = evidence.Write("step-summary.md", "");

        var lines = Publish(log => new GitHubConsole(log, new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary })).Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        Assert.Contains("::error file=src/A.cs,line=12,title=Lint IDE0055::Fix formatting", lines);
        Assert.DoesNotContain(lines, l => l.Contains("src/Old.cs", StringComparison.Ordinal));
        Assert.Equal("<!-- tollgate:pull-request-report -->\n## report\n\n# Tollgate evidence: failed\n\n", File.ReadAllText(summary));
    }

    [Fact]
    public void Without_a_pull_request_every_located_finding_is_annotated()
    {
        File.Delete(Path.Combine(evidence.Path, PullRequestFiles.ChangedLines));

        var output = Publish(log => new GitHubConsole(log, new Dictionary<string, string>()));

        Assert.Contains("::error file=src/Old.cs,line=4,title=Lint IDE0055::Fix formatting", output, StringComparison.Ordinal);
    }
}
