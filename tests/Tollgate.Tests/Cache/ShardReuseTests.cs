using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Cache;

/// <summary>A split run's shards store their test runs, and the next run, not split, reads them.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(CacheRunsCollection))]
public sealed class ShardReuseTests
{
    [Fact]
    public async Task What_one_shard_ran_a_whole_run_reuses()
    {
        using var shapes = new SampleRepository(fixture: "platforms");
        using var cache = new TempDirectory(withNuke: false);
        string[] Args(params string[] extra) => ["Test", "--cache", "read-write", "--cache-directory", cache.Path, .. extra];

        var shard = await HostRun.RunAsync<TestReuseTests.ReuseBuild>(shapes.Root, Args("--shard", "1/2"));
        var partial = Gate.Read(shapes.Evidence, "Test");
        partial.AssertStatus("passed");
        Assert.True(shard.ExitCode == ExitCodes.Success, shard.Output + shard.Error);
        var ranOnShard = partial.Commands.Where(c => c.Contains("Shapes.", StringComparison.Ordinal)).ToList();
        Assert.InRange(ranOnShard.Count, 1, 3);

        var whole = await HostRun.RunAsync<TestReuseTests.ReuseBuild>(shapes.Root, Args());
        var test = Gate.Read(shapes.Evidence, "Test");
        test.AssertStatus("passed");
        Assert.True(whole.ExitCode == ExitCodes.Success, whole.Output + whole.Error);
        Assert.Equal(ranOnShard.Count, test.Reused.Count);
        Assert.Equal(4 - ranOnShard.Count, test.Commands.Count(c => c.Contains("Shapes.", StringComparison.Ordinal)));
        Assert.Equal(4, test.Metric("projects").GetDouble());
    }
}
