using Tollgate.Evidence;
using Tollgate.Gates.ArchitectureTests;
using Tollgate.Gates.Cache;
using Tollgate.Tests.Support;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Cache;

/// <summary>ArchitectureTests through the result cache, on Tollgate's own assembly: reused while its sources and rules hold, judged against today's baseline.</summary>
public sealed class ArchitectureCacheTests : IDisposable
{
    private const string Rules = """{ "rules": [ { "name": "gates without io", "kind": "forbidden", "from": ["Tollgate.Gates.**"], "to": ["Tollgate.IO.**"] } ] }""";
    private readonly TempDirectory root = new();
    private readonly TempDirectory store = new(withNuke: false);
    private readonly List<string> said = [];

    public ArchitectureCacheTests()
    {
        root.Write("src/Tollgate/Tollgate.csproj", "<Project />");
        root.Write("src/Tollgate/Code.cs", "class Code {}");
        root.Write(".nuke/architecture.json", Rules);
    }

    public void Dispose()
    {
        root.Dispose();
        store.Dispose();
    }

    private Task<GateResult> CheckAsync(bool freeze = false) =>
        new ArchitectureStep(new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence")), said.Add,
                new CacheContext(new ResultCache(CacheMode.ReadWrite, [new LocalCacheStore(store.Path)], new CacheOrigin("abc1234def", "ci-7", DateTimeOffset.UtcNow), _ => { }, _ => { }), new SourceDigests(root.Path), "1.0.0 test"))
            .RunAsync(new ArchitectureInputs
            {
                Root = root.Path,
                Built = [new ProjectInfo(Path.Combine(root.Path, "src", "Tollgate", "Tollgate.csproj"), "net10.0", false, typeof(TollgateBuild).Assembly.Location, "", "10.0.100")],
                AssemblyPatterns = [],
                Freeze = freeze,
                TollgateVersion = "0.0.0",
            });

    [Fact]
    public async Task An_unchanged_check_is_reused_with_the_same_violations_and_a_changed_source_or_rule_checks_again()
    {
        var fresh = await CheckAsync();
        Assert.True(fresh.Status == GateStatus.Failed, $"{fresh.Status}: {fresh.Headline}");
        Assert.Empty(fresh.Reused);

        var reused = await CheckAsync();

        Assert.True(reused.Status == GateStatus.Failed, $"{reused.Status}: {reused.Headline}");
        Assert.Equal(ArchitectureCache.Unit, Assert.Single(reused.Reused).Unit);
        Assert.Equal($"{fresh.Headline} (check reused from abc1234)", reused.Headline);
        Assert.Equal(fresh.Findings.Select(f => f.Message), reused.Findings.Select(f => f.Message));
        Assert.Equal(fresh.Metrics, reused.Metrics);

        root.Write("src/Tollgate/Code.cs", "class Code { int x; }");
        Assert.Empty((await CheckAsync()).Reused);

        root.Write(".nuke/architecture.json", Rules.Replace("Tollgate.IO.**", "Tollgate.Tools.**", StringComparison.Ordinal));
        var other = await CheckAsync();
        Assert.Empty(other.Reused);
        Assert.All(other.Findings.Where(f => f.Kind == "violation"), f => Assert.Contains("Tollgate.Tools.", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reused_check_is_judged_against_the_baseline_of_today()
    {
        var fresh = await CheckAsync();
        Assert.True(fresh.Status == GateStatus.Failed, $"{fresh.Status}: {fresh.Headline}");

        var frozen = await CheckAsync(freeze: true); // the violations reused are those frozen
        Assert.Single(frozen.Reused);
        var judged = await CheckAsync();

        Assert.Single(judged.Reused);
        Assert.True(judged.Status == GateStatus.Passed, $"{judged.Status}: {judged.Headline}");
        Assert.Equal(fresh.Findings.Count(f => f.Kind == "violation"), judged.Metrics["known"]);
    }
}
