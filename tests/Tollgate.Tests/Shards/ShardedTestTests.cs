using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Shards;

/// <summary>
/// The sample with a second test class, its one test project split over two shards by class (each a separate run, as on
/// two agents): together they run exactly the tests one run does, each only its own; Coverage keeps its figures without
/// judging; Lint and Package run on neither the second shard nor a split run.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(WholeRunsCollection))]
public sealed class ShardedTestTests
{
    private static IReadOnlyList<string> TestNames(string evidence) =>
        Directory.GetFiles(Path.Combine(evidence, "reports", "test"), "*.trx")
            .SelectMany(trx => System.Xml.Linq.XDocument.Load(trx).Descendants().Where(e => e.Name.LocalName == "UnitTestResult").Select(e => (string)e.Attribute("testName")!))
            .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Two_shards_run_each_test_class_once_and_together_exactly_the_tests_of_one_run()
    {
        using var sample = new SampleRepository("two-test-classes");

        var whole = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Test"]);
        Assert.True(whole.ExitCode == ExitCodes.Success, whole.Output + whole.Error);
        var all = TestNames(sample.Evidence);

        var first = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Test", "Coverage", "--shard", "1/2"]);
        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        var firstNames = TestNames(sample.Evidence);
        var coverage = Gate.Read(sample.Evidence, "Coverage");
        using (var timings = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "reports", "shards", "test.json"))))
        {
            var unit = Assert.Single(timings.RootElement.GetProperty("units").EnumerateObject());
            Assert.StartsWith("test:tests/Sample.Tests/Sample.Tests.csproj#Sample.Tests.", unit.Name, StringComparison.Ordinal);
            Assert.True(unit.Value.GetDouble() > 0);
        }

        // The second agent: a host's parallel job variables say which shard it is (GitLab's parallel: here).
        var second = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Test", "Lint", "Package"], new() { ["CI_NODE_INDEX"] = "2", ["CI_NODE_TOTAL"] = "2" });
        Assert.True(second.ExitCode == ExitCodes.Success, second.Output + second.Error);
        var secondNames = TestNames(sample.Evidence);

        Assert.Equal(9, all.Count);
        Assert.Empty(firstNames.Intersect(secondNames));
        Assert.Equal(all, firstNames.Concat(secondNames).Order(StringComparer.Ordinal));
        Assert.Equal(["Sample.Tests.MoneyTests"], firstNames.Concat(secondNames).Where(n => n.StartsWith("Sample.Tests.MoneyTests.", StringComparison.Ordinal)).Select(n => n[..n.LastIndexOf('.')]).Distinct());
        Assert.Contains("Shard 1/2: 1 of 2 test unit(s) (balanced by size)", first.Output, StringComparison.Ordinal);
        Assert.Contains(first.Output.Split('\n'), l => l.StartsWith("> dotnet test ", StringComparison.Ordinal) && l.Contains("--filter", StringComparison.Ordinal) && l.Contains("FullyQualifiedName~Sample.Tests.", StringComparison.Ordinal));
        coverage.AssertStatus("skipped");
        Assert.StartsWith("partial on shard 1/2 (", coverage.Headline, StringComparison.Ordinal);
        Assert.Contains("Lint", second.Output, StringComparison.Ordinal);
        Assert.Contains("this is shard 1 of a split run (the cheap, global gates run there; --shard-every-gate runs them on every shard), or the run is not split", second.Output, StringComparison.Ordinal);
        Assert.Contains("the run is not split over shards (package from the merged bundle's commit in one job)", second.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(sample.Root, "artifacts", "packages")), "a shard packs nothing");

        var everywhere = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Lint", "--shard", "2/2", "--shard-every-gate"]);

        Assert.True(everywhere.ExitCode == ExitCodes.Success, everywhere.Output + everywhere.Error);
        Assert.Equal("passed", Gate.Read(sample.Evidence, "Lint").Status);
    }

    [Fact]
    public async Task A_shard_that_is_not_i_of_n_is_bad_input_naming_the_value()
    {
        using var sample = new SampleRepository();

        var run = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Test", "--shard", "3/2"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("--shard '3/2' is not a shard: write i/N with 1 ≤ i ≤ N, e.g. 2/3 for the second of three agents.", run.Error, StringComparison.Ordinal);
    }
}
