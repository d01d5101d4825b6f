using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tools.Stryker;

namespace Tollgate.Tests.Shards;

/// <summary>The sample's one project mutated whole, then split by source file over two shards (separate runs, as on two agents): the same mutants with the same statuses.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(GateRunsCollection))]
public sealed class ShardedMutationTests
{
    private static IReadOnlyList<string> Mutants(string evidence) =>
        Directory.GetFiles(Path.Combine(evidence, "reports", "mutation"), "*.json")
            .SelectMany(MutationReportReader.Read)
            .Select(m => $"{Path.GetFileName(m.File)}:{m.Line} {m.Mutator} {m.Original} → {m.Replacement}: {m.Status}")
            .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Two_shards_mutate_disjoint_files_and_together_give_every_mutant_of_one_run_with_its_status()
    {
        using var sample = new SampleRepository();

        var whole = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Mutation"]);
        Assert.True(whole.ExitCode == ExitCodes.Success, whole.Output + whole.Error);
        var all = Mutants(sample.Evidence);

        var first = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Mutation", "--shard", "1/2"]);
        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        var firstMutants = Mutants(sample.Evidence);
        var firstGate = Gate.Read(sample.Evidence, "Mutation");
        var timings = Tollgate.Gates.Shards.ShardTimings.Read(sample.Evidence);

        var second = await HostRun.RunAsync<ShardBuild>(sample.Root, ["Mutation", "--shard", "2/2"]);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Output + second.Error);
        var secondMutants = Mutants(sample.Evidence);

        Assert.NotEmpty(firstMutants);
        Assert.NotEmpty(secondMutants);
        Assert.Empty(firstMutants.Select(m => m.Split(':')[0]).Intersect(secondMutants.Select(m => m.Split(':')[0])));
        Assert.Equal(all, firstMutants.Concat(secondMutants).Order(StringComparer.Ordinal));
        Assert.Equal("skipped", firstGate.Status);
        Assert.StartsWith("partial on shard 1/2 (", firstGate.Headline, StringComparison.Ordinal);
        var mutation = timings.Seconds.Where(t => t.Key.StartsWith("mutation:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mutation);
        Assert.All(mutation, t => Assert.StartsWith("mutation:src/Sample/Sample.csproj#src/Sample/", t.Key, StringComparison.Ordinal));
        Assert.True(mutation.Sum(t => t.Value) > 0);
        Assert.Contains("Shard 1/2: ", first.Output, StringComparison.Ordinal);
    }
}
