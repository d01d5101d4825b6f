using Tollgate.Gates.Cache;
using Tollgate.Gates.Mutation;
using Tollgate.Tests.Support;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Stryker;

namespace Tollgate.Tests.Cache;

/// <summary>When a source file's stored mutants still hold, from a report written the way Stryker writes it.</summary>
public sealed class MutationCacheTests : IDisposable
{
    private readonly TempDirectory root = new();
    private readonly TempDirectory store = new(withNuke: false);
    private readonly MutationTarget target;
    private readonly List<ProjectInfo> built;

    public MutationCacheTests()
    {
        root.Write("src/A/A.csproj", "<Project />");
        root.Write("src/A/X.cs", "class X {}");
        root.Write("src/A/Y.cs", "class Y {}");
        root.Write("tests/T/T.csproj", "<Project />");
        root.Write("tests/T/XTests.cs", "class XTests {}");
        root.Write("tests/T/YTests.cs", "class YTests {}");
        var a = Full("src/A/A.csproj");
        var t = Full("tests/T/T.csproj");
        built = [new ProjectInfo(a, "net10.0", false, "A.dll", "A.sarif", "10.0.100"), new ProjectInfo(t, "net10.0", true, "T.dll", "T.sarif", "10.0.100", References: [a])];
        target = new MutationTarget(a, [t], "net10.0", false);
    }

    public void Dispose()
    {
        root.Dispose();
        store.Dispose();
    }

    private string Full(string relative) => Path.Combine(root.Path, relative);

    private MutationCache Cache(TimeSpan? maxAge = null, DateTimeOffset? at = null) =>
        new(new CacheContext(new ResultCache(CacheMode.ReadWrite, [new LocalCacheStore(store.Path)], new CacheOrigin("abc1234def", "local", at ?? DateTimeOffset.UtcNow), _ => { }, _ => { }), new SourceDigests(root.Path), "1.0.0 test"),
            root.Path, built, new KeyIngredients().Add("stryker", "5.1.0"), maxAge ?? TimeSpan.FromDays(7));

    // X's one mutant is killed by a test of XTests.cs; Y's one mutant no test covers.
    private string Report() => root.Write("artifacts/report.json", $$"""
        {
          "schemaVersion": "2", "thresholds": { "high": 80, "low": 60 }, "projectRoot": "{{root.Path}}",
          "files": {
            "{{Full("src/A/X.cs")}}": { "language": "cs", "source": "class X {}", "mutants": [
              { "id": "1", "mutatorName": "Block removal mutation", "replacement": "{}", "status": "Killed", "coveredBy": ["t1"], "killedBy": ["t1"],
                "location": { "start": { "line": 1, "column": 1 }, "end": { "line": 1, "column": 11 } } } ] },
            "{{Full("src/A/Y.cs")}}": { "language": "cs", "source": "class Y {}", "mutants": [
              { "id": "2", "mutatorName": "Block removal mutation", "replacement": "{}", "status": "NoCoverage", "coveredBy": [], "killedBy": [],
                "location": { "start": { "line": 1, "column": 1 }, "end": { "line": 1, "column": 11 } } } ] }
          },
          "testFiles": {
            "{{Full("tests/T/XTests.cs")}}": { "tests": [ { "id": "t1", "name": "XTests.Kills" } ] },
            "{{Full("tests/T/YTests.cs")}}": { "tests": [ { "id": "t2", "name": "YTests.Covers_nothing" } ] }
          }
        }
        """);

    private async Task<IReadOnlyList<string>> RetestedAsync(MutationCache cache) =>
        (await cache.PlanAsync(target, MutationCache.FilesOf(target, []), _ => { }, CancellationToken.None)).Retest.Select(f => Path.GetRelativePath(root.Path, f).Replace('\\', '/')).ToList();

    private async Task StoreAsync() => await Cache().StoreAsync(target, MutationCache.FilesOf(target, []), Report(), CancellationToken.None);

    [Fact]
    public async Task Unchanged_files_and_tests_reuse_every_file()
    {
        Assert.Equal(["src/A/X.cs", "src/A/Y.cs"], await RetestedAsync(Cache()));
        await StoreAsync();

        Assert.Empty(await RetestedAsync(Cache()));
    }

    [Fact]
    public async Task A_changed_source_file_is_tested_again_alone()
    {
        await StoreAsync();
        root.Write("src/A/X.cs", "class X { int changed; }");

        Assert.Equal(["src/A/X.cs"], await RetestedAsync(Cache()));
    }

    [Fact]
    public async Task A_changed_test_file_retests_what_its_tests_cover_and_what_no_test_covered()
    {
        await StoreAsync();
        root.Write("tests/T/XTests.cs", "class XTests { int changed; }");

        Assert.Equal(["src/A/X.cs", "src/A/Y.cs"], await RetestedAsync(Cache()));
    }

    [Fact]
    public async Task A_changed_test_file_leaves_the_mutants_other_tests_cover()
    {
        await StoreAsync();
        root.Write("tests/T/YTests.cs", "class YTests { int changed; }");

        Assert.Equal(["src/A/Y.cs"], await RetestedAsync(Cache()));
    }

    [Fact]
    public async Task Entries_older_than_the_policy_allows_are_tested_again()
    {
        await StoreAsync();

        Assert.Equal(["src/A/X.cs", "src/A/Y.cs"], await RetestedAsync(Cache(TimeSpan.Zero)));
    }

    [Fact]
    public async Task What_Stryker_finds_for_files_too_old_replaces_their_entries_so_the_next_run_reuses_them()
    {
        await Cache(at: DateTimeOffset.UtcNow.AddDays(-8)).StoreAsync(target, MutationCache.FilesOf(target, []), Report(), CancellationToken.None);
        var today = Cache();
        Assert.Equal(["src/A/X.cs", "src/A/Y.cs"], await RetestedAsync(today));

        await today.StoreAsync(target, MutationCache.FilesOf(target, []), Report(), CancellationToken.None);

        Assert.Empty(await RetestedAsync(Cache()));
    }

    [Fact]
    public async Task A_changed_project_file_retests_everything()
    {
        await StoreAsync();
        root.Write("tests/T/T.csproj", "<Project><PropertyGroup /></Project>");

        Assert.Equal(["src/A/X.cs", "src/A/Y.cs"], await RetestedAsync(Cache()));
    }

    [Fact]
    public async Task The_whole_report_holds_the_reused_mutants_beside_the_new_ones_with_unique_ids()
    {
        await StoreAsync();
        root.Write("src/A/Y.cs", "class Y { int changed; }");
        var cache = Cache();
        var plan = await cache.PlanAsync(target, MutationCache.FilesOf(target, []), _ => { }, CancellationToken.None);
        var tested = root.Write("artifacts/tested.json", $$"""
            { "schemaVersion": "2", "projectRoot": "{{root.Path}}", "files": {
              "{{Full("src/A/Y.cs")}}": { "language": "cs", "source": "class Y { int changed; }", "mutants": [
                { "id": "1", "mutatorName": "Block removal mutation", "replacement": "{}", "status": "NoCoverage", "coveredBy": [], "killedBy": [],
                  "location": { "start": { "line": 1, "column": 1 }, "end": { "line": 1, "column": 25 } } } ] } },
              "testFiles": {} }
            """);
        var output = Full("artifacts/whole.json");

        cache.Combine(tested, plan.Reused, output);

        var mutants = MutationReportReader.Read(output);
        Assert.Equal(["Killed", "NoCoverage"], mutants.OrderBy(m => m.File, StringComparer.Ordinal).Select(m => m.Status));
        var text = File.ReadAllText(output);
        Assert.Contains("\"cached-1\"", text, StringComparison.Ordinal);
        Assert.Contains("XTests.Kills", text, StringComparison.Ordinal); // the reused mutant's test, listed for the HTML report
    }
}
