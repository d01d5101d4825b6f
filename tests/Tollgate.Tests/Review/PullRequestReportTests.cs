using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Review;

/// <summary>
/// A pull request for real: a git repository whose main branch has a bundle (with a lint violation in Discount.cs), and a
/// branch that changes a covered line, adds an uncovered method with a new violation, renames Discount.cs with the old
/// violation moved two lines down, and deletes a file. Test, Coverage and Lint run for real; the report compares.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(WholeRunsCollection))]
public sealed class PullRequestReportTests
{
    private const string Token = "tg-pr-token-90e1f4";

    private const string GitIgnore = "bin/\nobj/\nartifacts/\n.nuke/temp/\n";

    private const string Money = """
        namespace Sample.Domain;

        public readonly record struct Money(decimal Amount, string Currency)
        {
            public static Money Zero(string currency) => new(0m, currency);

            public Money Add(Money other)
            {
                if (other.Currency != Currency)
                {
                    throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");
                }

                return this with { Amount = Amount + other.Amount };
            }

            public Money Times(int quantity) => this with { Amount = quantity * Amount };

            public Money Percent(decimal percent) => this with { Amount = decimal.Round(Amount * percent / 100m, 2) };

            public Money Negate()
            {
              return this with { Amount = -Amount };
            }
        }

        """;

    [Fact]
    public async Task The_report_counts_changed_lines_exactly_tells_new_problems_from_moved_ones_and_annotates_changed_lines_only()
    {
        using var sample = new SampleRepository("lint-fails");
        sample.Write(".gitignore", GitIgnore);
        sample.Write("src/Sample/Domain/Obsolete.cs", "namespace Sample.Domain;\n\npublic static class Obsolete\n{\n    public static int Zero() => 0;\n}\n");
        var git = await GitRepository.InitAsync(sample.Root);
        await git.CommitAsync("main");

        var main = await HostRun.RunAsync<ReviewBuild>(sample.Root, ["Coverage", "Lint"]);

        Assert.Equal(ExitCodes.Failure, main.ExitCode); // the old violation
        await git.CommitAsync("main: the files a build writes into .nuke/");
        await git.GitAsync("remote", "add", "origin", sample.Root);
        await git.GitAsync("fetch", "--quiet", "origin");
        var baseBundle = Path.Combine(sample.Root, "artifacts", "base-evidence");
        SampleRepository.Copy(sample.Evidence, baseBundle);

        await git.CheckoutAsync("feature", create: true);
        sample.Write("src/Sample/Domain/Money.cs", Money);
        var discount = sample.Read("src/Sample/Domain/Discount.cs");
        File.Delete(Path.Combine(sample.Root, "src/Sample/Domain/Discount.cs"));
        sample.Write("src/Sample/Domain/Discounts.cs", discount.Replace("namespace Sample.Domain;\n\n", "namespace Sample.Domain;\n\n// Discounts take a percentage off a price;\n// the percentage is positive.\n", StringComparison.Ordinal));
        File.Delete(Path.Combine(sample.Root, "src/Sample/Domain/Obsolete.cs"));
        await git.CommitAsync("feature");
        using var summary = new TempDirectory(withNuke: false);
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_BASE_REF"] = "main",
            ["GITHUB_REF"] = "refs/pull/5/merge",
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(summary.Path, "summary.md"),
        };

        var pull = await HostRun.RunAsync<ReviewBuild>(sample.Root, ["Coverage", "Lint", "PullRequestReport"], environment);

        Assert.Equal(ExitCodes.Failure, pull.ExitCode);
        var gate = Gate.Read(sample.Evidence, "PullRequest");
        gate.AssertStatus("failed");
        Assert.Equal((4, 9, 2, 1, 50.0, 1, 1), (
            gate.Metric("changedFiles").GetInt32(), gate.Metric("changedLines").GetInt32(), gate.Metric("changedCoverable").GetInt32(),
            gate.Metric("changedCovered").GetInt32(), gate.Metric("changedCoverage").GetDouble(), gate.Metric("newProblems").GetInt32(),
            gate.Metric("base").GetInt32()));
        Assert.Equal(["coverage of the changed lines is 50 % (1/2), below 80 %: 1 changed line is not covered by a test"], gate.Reasons);
        var uncovered = Assert.Single(gate.Findings, f => f.GetProperty("kind").GetString() == "uncovered-change");
        Assert.Equal(("src/Sample/Domain/Money.cs", 23, "changed line 23 is not covered"), (uncovered.GetProperty("file").GetString(), uncovered.GetProperty("line").GetInt32(), uncovered.GetProperty("message").GetString()));
        var fresh = Assert.Single(gate.Findings, f => f.GetProperty("kind").GetString() == "new");
        Assert.Equal(("src/Sample/Domain/Money.cs", 23), (fresh.GetProperty("file").GetString(), fresh.GetProperty("line").GetInt32()));
        var lint = Gate.Read(sample.Evidence, "Lint");
        Assert.Contains(lint.Findings, f => f.GetProperty("file").GetString() == "src/Sample/Domain/Discounts.cs" && f.GetProperty("line").GetInt32() == 9);

        var report = File.ReadAllText(Path.Combine(sample.Evidence, "pr-report.md"));
        Assert.Contains("- **Changed lines:** 1 of 2 coverable changed lines covered (50 %, bar 80 %) ❌", report, StringComparison.Ordinal);
        Assert.Contains("- **New problems:** 1 (of 2 in this run; base bundle of", report, StringComparison.Ordinal);
        Assert.Contains("- **Files changed:** 4 (1 added, 1 modified, 1 renamed, 1 deleted)", report, StringComparison.Ordinal);
        Assert.Contains("| lint violations | 1 | 2 | +1 |", report, StringComparison.Ordinal);
        Assert.Contains("- `src/Sample/Domain/Money.cs`: 23 (1/2 covered)", report, StringComparison.Ordinal);
        Assert.StartsWith(Tollgate.Gates.Review.PullRequestMarkdown.Marker, File.ReadAllText(Path.Combine(summary.Path, "summary.md")), StringComparison.Ordinal);

        var annotations = pull.Output.Split('\n').Where(l => l.StartsWith("::error file=", StringComparison.Ordinal)).ToList();
        Assert.Contains(annotations, a => a.StartsWith("::error file=src/Sample/Domain/Money.cs,line=23,title=Lint ", StringComparison.Ordinal));
        Assert.Contains(annotations, a => a.StartsWith("::error file=src/Sample/Domain/Money.cs,line=23,title=PullRequest changed-line-coverage::", StringComparison.Ordinal));
        Assert.DoesNotContain(annotations, a => a.Contains("Discounts.cs", StringComparison.Ordinal));
        using (var quality = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "pr-codequality.json"))))
        {
            var issue = Assert.Single(quality.RootElement.EnumerateArray());
            Assert.Equal(("src/Sample/Domain/Money.cs", 23), (issue.GetProperty("location").GetProperty("path").GetString(), issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32()));
        }

        Assert.Empty(Tollgate.Evidence.EvidenceVerifier.Verify(sample.Evidence));

        using var github = PullRequestHost.GitHub("org/sample", "5", Token);
        var comment = environment.Concat(new Dictionary<string, string> { ["GITHUB_API_URL"] = github.Url, ["GITHUB_REPOSITORY"] = "org/sample" }).ToDictionary();
        var first = await HostRun.RunAsync<ReviewBuild>(sample.Root, ["CommentOnPullRequest", "--pull-request-token", Token], comment);
        var second = await HostRun.RunAsync<ReviewBuild>(sample.Root, ["CommentOnPullRequest", "--pull-request-token", Token], comment);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Output + second.Error);
        Assert.Contains("Commented on pull request 5 (comment 101).", first.Output, StringComparison.Ordinal);
        Assert.Contains("Updated Tollgate's comment 101 on pull request 5.", second.Output, StringComparison.Ordinal);
        Assert.Equal(report, Assert.Single(github.Comments).Value);
        Assert.DoesNotContain(Token, first.Output + first.Error + second.Output + second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_base_bundle_the_report_says_so_and_still_judges_the_changed_lines()
    {
        using var sample = new SampleRepository();
        sample.Write(".gitignore", GitIgnore);
        var git = await GitRepository.InitAsync(sample.Root);
        await git.CommitAsync("main");
        await git.CheckoutAsync("feature", create: true);
        sample.Write("src/Sample/Domain/Money.cs", Money.Replace("      return this with { Amount = -Amount };", "        return this with { Amount = -Amount };", StringComparison.Ordinal));
        await git.CommitAsync("feature");

        var pull = await HostRun.RunAsync<ReviewBuild>(sample.Root, ["Coverage", "PullRequestReport", "--base-ref", "main"]);

        Assert.Equal(ExitCodes.Failure, pull.ExitCode);
        Assert.Contains("No base bundle: no --base-evidence given, and none stored at the default place.", pull.Error + pull.Output, StringComparison.Ordinal);
        var gate = Gate.Read(sample.Evidence, "PullRequest");
        Assert.Equal((2, 1, 0), (gate.Metric("changedCoverable").GetInt32(), gate.Metric("changedCovered").GetInt32(), gate.Metric("base").GetInt32()));
        Assert.Contains("unknown — no base bundle (no --base-evidence given, and none stored at the default place)", File.ReadAllText(Path.Combine(sample.Evidence, "pr-report.md")), StringComparison.Ordinal);

        // Reported and commented in one run, with no earlier bundle: the comment is this run's report, even though the report failed.
        using var github = PullRequestHost.GitHub("org/sample", "7", Token);
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_API_URL"] = github.Url, ["GITHUB_REPOSITORY"] = "org/sample" };
        sample.Write("src/Sample/Domain/Money.cs", sample.Read("src/Sample/Domain/Money.cs") + "\n");
        await git.CommitAsync("feature, again");
        var commented = await HostRun.RunAsync<ReviewBuild>(
            sample.Root, ["Coverage", "PullRequestReport", "CommentOnPullRequest", "--base-ref", "main", "--pull-request-number", "7", "--pull-request-token", Token], environment);

        Assert.Contains("Commented on pull request 7 (comment 101).", commented.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(sample.Evidence, "pr-report.md")), Assert.Single(github.Comments).Value);
        Assert.NotEqual(File.ReadAllText(Path.Combine(sample.Evidence + ".previous.1", "pr-report.md")), Assert.Single(github.Comments).Value);

        var refused = await HostRun.RunAsync<ReviewBuild>(sample.Root, ["PullRequestReport"]);

        Assert.Equal(ExitCodes.Success, refused.ExitCode);
        Assert.Contains("PullRequestReport", refused.Output, StringComparison.Ordinal);
        Assert.Contains("a pull request build, or --base-ref / --base-evidence given", refused.Output, StringComparison.Ordinal);
    }
}
