using Tollgate.Gates.Cache;
using Tollgate.Gates.Test;
using Tollgate.Tests.Support;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Cache;

/// <summary>What a test run's key holds: the SDK, Tollgate, the tools, the command (a hook's change), never the checkout's path.</summary>
public sealed class TestCacheTests
{
    private static (TempDirectory Root, ProjectInfo Project) Repository(string sdk = "10.0.100")
    {
        var root = new TempDirectory();
        root.Write("tests/A.Tests/A.Tests.csproj", "<Project />");
        root.Write("tests/A.Tests/ATests.cs", "class ATests {}");
        var project = System.IO.Path.Combine(root.Path, "tests/A.Tests/A.Tests.csproj");
        return (root, new ProjectInfo(project, "net10.0", true, "A.Tests.dll", "A.sarif", sdk));
    }

    private static string Key(string root, ProjectInfo project, string tollgate = "1.0.0 a", string collector = "6.0.4", string? filter = null)
    {
        var context = new CacheContext(ResultCache.Off, new SourceDigests(root), tollgate);
        var cache = new TestCache(context, root, [project], collector, System.IO.Path.Combine(root, ".nuke", "temp", "tools"));
        var run = new TestRun(new DotnetTestSettings
        {
            Project = project.Project,
            Framework = project.Framework,
            Configuration = "Release",
            ResultsDirectory = System.IO.Path.Combine(root, "artifacts", "test-results", "A.Tests", "net10.0"),
            TrxFileName = "results.trx",
            Filter = filter,
            FilterOptions = filter is null ? [] : ["--filter", filter],
        });
        return cache.Ingredients(run).Key;
    }

    [Fact]
    public void The_sdk_tollgate_a_tool_and_the_command_are_in_the_key_the_checkout_path_is_not()
    {
        var (root, project) = Repository();
        using var _ = root;
        var key = Key(root.Path, project);

        Assert.Equal(key, Key(root.Path, project));
        Assert.NotEqual(key, Key(root.Path, project with { Sdk = "10.0.101" }));
        Assert.NotEqual(key, Key(root.Path, project, tollgate: "1.0.1 a"));
        Assert.NotEqual(key, Key(root.Path, project, collector: "6.0.5"));
        Assert.NotEqual(key, Key(root.Path, project, filter: "Category!=Slow"));

        var (other, moved) = Repository();
        using var _2 = other;
        Assert.Equal(key, Key(other.Path, moved));
    }
}
