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
/// Local proof of equivalence: the sample (two test classes) run as one Test+Coverage+Mutation, and as two shards run
/// one after another — the second in a clone at another path, as on other agents — then merged: the same tests, the same covered and coverable lines, the same mutants with the same
/// statuses (killed and timed out alike: both detect, and which one a run hits depends on the load), the same verdicts; only times and shard metadata differ. The merged bundle verifies.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(PipelineRunsCollection))]
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
        using var sample = new SampleRepository("two-test-classes");
        sample.Write(".gitignore", "bin/\nobj/\nartifacts/\nbundles/\n.nuke/temp/\n");
        var git = await GitRepository.InitAsync(sample.Root);
        var commit = await git.CommitAsync("sample with two test classes");

        // A mutant Stryker stops for taking too long counts as detected: on a loaded machine a mutant no test notices could
        // time out in one run and survive in the other. The sample has no loop a mutant could make endless, so a generous
        // limit costs nothing and leaves each mutant's status to the tests alone.
        string[] patience = ["--mutation-additional-timeout", "30000"];
        var whole = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Test", "Coverage", "Mutation", .. patience]);
        Assert.True(whole.ExitCode == ExitCodes.Success, whole.Output + whole.Error);
        var single = Keep(sample, "single");

        // Two agents: this checkout, and a clone of the same commit at another path (as another runner's workspace).
        using var agents = new TempDirectory(withNuke: false);
        var shards = new List<string>();
        foreach (var index in new[] { 1, 2 })
        {
            var checkout = index == 1 ? sample.Root : Path.Combine(agents.Path, $"agent{index}");
            if (index > 1)
            {
                await git.GitAsync("clone", "--quiet", sample.Root, checkout);
            }

            var run = await HostRun.RunAsync<ShardBuild>(checkout, ["Test", "Coverage", "Mutation", "--shard", $"{index}/2", .. patience]);
            Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
            shards.Add(index == 1 ? Keep(sample, "shard1") : Path.Combine(checkout, "artifacts", "evidence"));
        }

        // Each shard did its own part: disjoint source files mutated, partial verdicts left to the merge.
        var files = shards.Select(s => Mutants(s).Select(m => m.Split(':')[0]).Distinct().ToList()).ToList();
        Assert.All(files, Assert.NotEmpty);
        Assert.Equal(files.Sum(f => f.Count), files.SelectMany(f => f).Distinct().Count());
        Assert.StartsWith("partial on shard 1/2 (", Gate.Read(shards[0], "Mutation").Headline, StringComparison.Ordinal);

        // As the merge job of the templates: merge, then package from the merged verdicts.
        var merge = await HostRun.RunAsync<ShardBuild>(
            sample.Root, ["MergeEvidence", "Package", "--required-gates", "Test", "Coverage", "Mutation", "--merge-evidence", .. shards]);

        Assert.True(merge.ExitCode == ExitCodes.Success, merge.Output + merge.Error);
        var merged = sample.Evidence;
        Assert.Equal(9, Tests(single).Count);
        Assert.Equal(Tests(single), Tests(merged));
        var (one, split) = (Mutants(single), Mutants(merged));
        Assert.True(one.SequenceEqual(split), $"mutants of one run only: {string.Join("; ", one.Except(split))} | of the merged split run only: {string.Join("; ", split.Except(one))}");
        Assert.Equal(Verdicts(single), Verdicts(merged));
        Assert.Empty(EvidenceVerifier.Verify(merged));
        // Recorded as every gate is: what each shard ran and what the merge ran, relative to the root, findings fingerprinted.
        var mergedTest = Gate.Read(merged, "Test");
        Assert.Contains(mergedTest.Commands, c => c.StartsWith("shard 1/2: dotnet test ", StringComparison.Ordinal));
        Assert.Contains(mergedTest.Commands, c => c.StartsWith("shard 2/2: dotnet test ", StringComparison.Ordinal));
        Assert.Contains(Gate.Read(merged, "Coverage").Commands, c => c.Contains("reportgenerator -reports:", StringComparison.Ordinal) && !c.Contains(sample.Root, StringComparison.Ordinal));
        Assert.All(Gate.Read(merged, "Mutation").Findings, f => Assert.True(f.TryGetProperty("fingerprint", out _) || !f.TryGetProperty("line", out var line) || line.ValueKind == JsonValueKind.Null, f.ToString()));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, "manifest.json"))))
        {
            Assert.Equal([(1, 2, commit), (2, 2, commit)], manifest.RootElement.GetProperty("shards").EnumerateArray()
                .Select(s => (s.GetProperty("index").GetInt32(), s.GetProperty("total").GetInt32(), s.GetProperty("commit").GetString())));
        }

        Assert.Equal("passed", Gate.Read(merged, "Package").Status);
        Assert.Single(Directory.GetFiles(Path.Combine(sample.Root, "artifacts", "packages"), "Sample.*.nupkg"));

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
