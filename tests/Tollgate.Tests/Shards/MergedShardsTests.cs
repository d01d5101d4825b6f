using System.Text.Json;
using System.Xml.Linq;
using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;
using Tollgate.Tools.Stryker;

namespace Tollgate.Tests.Shards;

/// <summary>
/// Local proof of equivalence: the sample (two test classes) run as one Test+Coverage+Mutation, and as two shards run as
/// separate runs — the second in a clone at another path, as on another agent — then merged: the same tests, the same covered and coverable lines, the same mutants with the same
/// statuses (killed and timed out alike: both detect, and which one a run hits depends on the load), the same verdicts; only times and shard metadata differ. The merged bundle verifies.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(GateRunsCollection))]
public sealed class MergedShardsTests
{
    private static readonly string[] Gates = ["Test", "Coverage", "Mutation"];

    private static string Keep(SampleRepository sample, string name)
    {
        var copy = Path.Combine(sample.Root, "bundles", name);
        SampleRepository.Copy(sample.Evidence, copy);
        return copy;
    }

    private static IReadOnlyList<string> Tests(string bundle) =>
        XDocument.Load(Path.Combine(bundle, "junit.xml")).Descendants("testcase")
            .Select(c => $"{(string?)c.Attribute("classname")}.{(string?)c.Attribute("name")} {(c.Element("failure") is null ? "passed" : "failed")}").Order(StringComparer.Ordinal).ToList();

    private static IReadOnlyList<string> Mutants(string bundle) =>
        Directory.GetFiles(Path.Combine(bundle, "reports", "mutation"), "*.json").SelectMany(MutationReportReader.Read)
            .Select(m => $"{Path.GetFileName(m.File)}:{m.Line} {m.Mutator} {m.Original} → {m.Replacement}: {Detection(m.Status)}").Order(StringComparer.Ordinal).ToList();

    // Killed and Timeout both detect a mutant (the score counts them alike); which of the two a test run hits depends on
    // the machine's load at that moment, in one run as in a split one.
    private static string Detection(string status) => status is "Killed" or "Timeout" ? "detected" : status;

    private static Dictionary<string, (string Status, string Metrics)> Verdicts(string bundle)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        return manifest.RootElement.GetProperty("gates").EnumerateArray().Where(g => Gates.Contains(g.GetProperty("name").GetString())).ToDictionary(
            g => g.GetProperty("name").GetString()!,
            g => (g.GetProperty("status").GetString()!, string.Join(", ", g.GetProperty("metrics").EnumerateObject()
                .Where(m => m.Name is "passed" or "failed" or "skipped" or "linesCovered" or "linesValid" or "branchesCovered" or "branchesValid" or "line"
                    or "survived" or "nocoverage" or "valid" or "score")
                .Select(m => $"{m.Name}={m.Value}"))));
    }

    [Fact]
    public async Task Two_shards_merged_give_the_tests_coverage_mutants_and_verdicts_of_one_run()
    {
        using var sample = new SampleRepository();
        sample.Write("tests/Sample.Tests/MoneyTests.cs", ShardedTestTests.MoneyTests);
        sample.Write(".gitignore", "bin/\nobj/\nartifacts/\nbundles/\n.nuke/temp/\n");
        var git = await GitRepository.InitAsync(sample.Root);
        var commit = await git.CommitAsync("sample with two test classes");

        var whole = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Test", "Coverage", "Mutation", "--tools-directory", SharedTools.Path]);
        Assert.True(whole.ExitCode == ExitCodes.Success, whole.Output + whole.Error);
        var single = Keep(sample, "single");

        // Two agents: this checkout, and a clone of the same commit at another path (as another runner's workspace).
        using var agent = new TempDirectory(withNuke: false);
        var clone = Path.Combine(agent.Path, "workspace");
        await git.GitAsync("clone", "--quiet", sample.Root, clone);
        var first = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Test", "Coverage", "Mutation", "--shard", "1/2", "--tools-directory", SharedTools.Path]);
        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        var second = await HostRun.RunAsync<ShardBuild>(clone, ["Test", "Coverage", "Mutation", "--shard", "2/2", "--tools-directory", SharedTools.Path]);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Output + second.Error);
        var shards = new List<string> { Keep(sample, "shard1"), Path.Combine(clone, "artifacts", "evidence") };

        // Each shard did its own part: disjoint source files mutated, partial verdicts left to the merge.
        Assert.Empty(Mutants(shards[0]).Select(m => m.Split(':')[0]).Intersect(Mutants(shards[1]).Select(m => m.Split(':')[0])));
        Assert.All(shards, s => Assert.NotEmpty(Mutants(s)));
        Assert.StartsWith("partial on shard 1/2 (", Gate.Read(shards[0], "Mutation").Headline, StringComparison.Ordinal);

        var merge = await HostRun.RunAsync<ShardBuild>(sample.Root, ["MergeEvidence", "--merge-evidence", .. shards]);

        Assert.True(merge.ExitCode == ExitCodes.Success, merge.Output + merge.Error);
        var merged = sample.Evidence;
        Assert.Equal(9, Tests(single).Count);
        Assert.Equal(Tests(single), Tests(merged));
        Assert.Equal(Mutants(single), Mutants(merged));
        Assert.Equal(Verdicts(single), Verdicts(merged));
        Assert.Empty(EvidenceVerifier.Verify(merged));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, "manifest.json"))))
        {
            Assert.Equal([(1, 2, commit), (2, 2, commit)], manifest.RootElement.GetProperty("shards").EnumerateArray()
                .Select(s => (s.GetProperty("index").GetInt32(), s.GetProperty("total").GetInt32(), s.GetProperty("commit").GetString())));
        }

        var verified = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Verify"]);
        Assert.True(verified.ExitCode == ExitCodes.Success, verified.Output + verified.Error);
        var timings = Tollgate.Gates.Shards.ShardTimings.Read(Path.Combine(sample.Root, ".nuke", "shard-timings.json"));
        Assert.Contains(timings.Seconds.Keys, k => k.StartsWith("test:tests/Sample.Tests/Sample.Tests.csproj#Sample.Tests.", StringComparison.Ordinal));
        Assert.Contains(timings.Seconds.Keys, k => k.StartsWith("mutation:src/Sample/Sample.csproj#", StringComparison.Ordinal));

        var missing = await HostRun.RunAsync<ShardBuild>(sample.Root, ["MergeEvidence", "--merge-evidence", shards[0]]);

        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("shard 2/2 is missing (given: 1): merge every shard's bundle, or run the missing one again.", missing.Error, StringComparison.Ordinal);
    }
}
