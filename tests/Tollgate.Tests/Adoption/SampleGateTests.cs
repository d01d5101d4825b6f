using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Adoption;

/// <summary>The built gates, run in-process on copies of the sample repository with the real tools.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(GateRunsCollection))]
public sealed class SampleGateTests
{
    [Fact]
    public async Task The_passing_sample_passes_lint_test_and_coverage_run_through_the_builds_settings_hooks_and_its_evidence_verifies()
    {
        using var sample = new SampleRepository();

        var run = await HostRun.RunAsync<TunedSampleBuild>(sample.Root, ["Lint", "Coverage"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal("Test: 5 passed, 0 failed", run.LastLine);
        var lint = Gate.Read(sample.Evidence, "Lint");
        Assert.Equal(("passed", "0 violations"), (lint.Status, lint.Headline));
        var coverage = Gate.Read(sample.Evidence, "Coverage");
        coverage.AssertStatus("passed");
        Assert.True(coverage.Metric("line").GetDouble() >= 70);
        Assert.Equal(70, coverage.Thresholds.GetProperty("line").GetDouble());
        Assert.True(File.Exists(Path.Combine(sample.Evidence, "reports", "coverage", "Cobertura.xml")));
        Assert.True(File.Exists(Path.Combine(sample.Evidence, "reports", "coverage", "index.html")));
        Assert.True(File.Exists(Path.Combine(sample.Evidence, "reports", "lint", "lint.sarif")));
        Assert.True(File.Exists(Path.Combine(sample.Evidence, "reports", "test", "Sample.Tests.trx")));
        Assert.Empty(EvidenceVerifier.Verify(sample.Evidence));
        Assert.False(Directory.Exists(Path.Combine(sample.Root, ".nuke", "temp", "tools")), "the build's tools folder, set in code, is where ReportGenerator ran from");

        // The build's settings hooks changed the tools' command lines, and the evidence records them as run.
        // (the hook's hang timeout takes the place of --test-hang-timeout's 30m)
        Assert.Contains("--blame-hang-timeout 10m --blame-hang-dump-type none", run.Output, StringComparison.Ordinal);
        var dotnetTest = Assert.Single(Gate.Read(sample.Evidence, "Test").Commands, c => c.StartsWith("dotnet test ", StringComparison.Ordinal));
        Assert.Contains(" --blame-hang-timeout 10m --blame-hang-dump-type none ", dotnetTest, StringComparison.Ordinal);
        Assert.DoesNotContain("30m", dotnetTest, StringComparison.Ordinal);
        Assert.StartsWith("dotnet test tests/", dotnetTest, StringComparison.Ordinal); // relative to the root: the same on every machine
        var format = Assert.Single(lint.Commands, c => c.StartsWith("dotnet format ", StringComparison.Ordinal));
        Assert.EndsWith("--exclude does-not-exist/", format, StringComparison.Ordinal);

        // The ratchet: a committed baseline above today's figure fails the gate even above the threshold.
        sample.Write(".nuke/coverage-baseline.json", """{ "line": 99.9 }""");
        var ratchet = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Coverage"]);

        Assert.Equal(ExitCodes.Failure, ratchet.ExitCode);
        var held = Gate.Read(sample.Evidence, "Coverage");
        held.AssertStatus("failed");
        Assert.Contains("dropped from 99.9 % (.nuke/coverage-baseline.json)", held.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(99.9, held.Thresholds.GetProperty("baseline").GetDouble());
    }

    [Fact]
    public async Task A_misindented_line_fails_lint_naming_file_line_and_rule()
    {
        using var sample = new SampleRepository("lint-fails");

        var run = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Lint"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("Lint gate failed: 1 violation at severity error or warning", run.Error, StringComparison.Ordinal);
        var lint = Gate.Read(sample.Evidence, "Lint");
        var finding = Assert.Single(lint.Findings);
        Assert.Equal("src/Sample/Domain/Discount.cs", finding.GetProperty("file").GetString());
        Assert.Equal(7, finding.GetProperty("line").GetInt32());
        Assert.Contains(finding.GetProperty("rule").GetString(), new[] { "IDE0055", "WHITESPACE" });
    }

    [Fact]
    public async Task A_failing_test_fails_the_test_gate_naming_the_test()
    {
        using var sample = new SampleRepository("test-fails");

        var run = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Test"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("Test: 5 passed, 1 failed", run.LastLine);
        Assert.Contains("Sample.Tests.RefundTests.Refunds_the_whole_price", run.Error, StringComparison.Ordinal);
        var test = Gate.Read(sample.Evidence, "Test");
        test.AssertStatus("failed");
        Assert.Equal("Sample.Tests.RefundTests.Refunds_the_whole_price", Assert.Single(test.Findings, f => f.GetProperty("kind").GetString() == "test-failure").GetProperty("rule").GetString());
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(sample.Evidence, "junit.xml")).Root!;
        Assert.Equal(("6", "1"), ((string)junit.Attribute("tests")!, (string)junit.Attribute("failures")!));
        Assert.Equal("Refunds_the_whole_price", (string)junit.Descendants("failure").Single().Parent!.Attribute("name")!);
    }

    [Fact]
    public async Task Uncovered_code_fails_coverage_below_the_threshold()
    {
        using var sample = new SampleRepository("coverage-fails");

        var run = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Coverage"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("passed", Gate.Read(sample.Evidence, "Test").Status);
        var coverage = Gate.Read(sample.Evidence, "Coverage");
        coverage.AssertStatus("failed");
        Assert.Matches(@"^line coverage [\d.]+ % \(\d+/\d+\) is below 70 %$", coverage.Reasons[0]);
        Assert.Equal("src/Sample/Infrastructure/CsvExport.cs", coverage.Findings[0].GetProperty("file").GetString());

        // A file filter leaves the uncovered exporter out, and the rest is covered well enough.
        var filtered = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Coverage", "--coverage-file-filters", "-**/Infrastructure/CsvExport.cs"]);

        Assert.True(filtered.ExitCode == ExitCodes.Success, filtered.Output + filtered.Error);
        Assert.DoesNotContain(Gate.Read(sample.Evidence, "Coverage").Findings, f => f.GetProperty("file").GetString()!.EndsWith("CsvExport.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_coverage_collector_the_coverage_gate_fails_for_lack_of_data()
    {
        using var sample = new SampleRepository();

        var run = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Coverage", "--collect-coverage", "false"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("no coverage file", Gate.Read(sample.Evidence, "Coverage").Reasons[0], StringComparison.Ordinal);
    }
}
