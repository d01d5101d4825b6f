using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.RealWorld;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Cache;

/// <summary>
/// Test and Coverage on the platforms fixture (three Microsoft.Testing.Platform applications and a VSTest project) against one
/// result cache: a second run and a second checkout at another path reuse every test run with the same figures and a
/// bundle that verifies, figures equal to the bare tools' on that checkout; a changed test file runs its project alone; <c>--no-cache</c> runs all.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(CacheRunsCollection))]
public sealed class TestReuseTests
{
    public sealed class ReuseBuild : TollgateBuild, IStandardGates, IUseSharedTools;

    private static readonly string[] Projects = ["Shapes.LegacyTests", "Shapes.MSTests", "Shapes.NUnitTests", "Shapes.XunitTests"];

    [Fact]
    public async Task Unchanged_test_projects_are_reused_in_any_checkout_and_a_changed_one_runs_alone()
    {
        using var first = new SampleRepository(fixture: "platforms");
        using var cache = new TempDirectory(withNuke: false);
        async Task<(Gate Test, Gate Coverage, HostRun Run)> RunAsync(SampleRepository repository, params string[] extra)
        {
            var run = await HostRun.RunAsync<ReuseBuild>(repository.Root, ["Test", "Coverage", "--cache", "read-write", "--cache-directory", cache.Path, .. extra]);
            var test = Gate.Read(repository.Evidence, "Test");
            test.AssertStatus("passed");
            var coverage = Gate.Read(repository.Evidence, "Coverage");
            coverage.AssertStatus("passed");
            Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
            return (test, coverage, run);
        }

        var cold = await RunAsync(first);
        Assert.Empty(cold.Test.Reused);
        Assert.Equal(4, cold.Test.Commands.Count(c => c.Contains("Shapes.", StringComparison.Ordinal)));

        // The same checkout again: every run reused, no test run started, the same figures; the closing line keeps its form.
        var warm = await RunAsync(first);
        Assert.Equal(Projects, warm.Test.Reused.Select(u => u.Split('/')[1]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(warm.Test.Commands, c => c.Contains("Shapes.", StringComparison.Ordinal));
        Assert.Equal(cold.Test.Metric("passed").GetDouble(), warm.Test.Metric("passed").GetDouble());
        Assert.Matches($@"^{cold.Test.Metric("passed").GetDouble()} passed, 0 failed \({cold.Test.Metric("passed").GetDouble()} reused from [^)]+\)$", warm.Test.Headline);
        Assert.Matches(@"Test: \d+ passed, 0 failed\n", warm.Run.Output.Replace("\r", "", StringComparison.Ordinal));
        Assert.Equal(cold.Coverage.Metric("linesCovered").GetDouble(), warm.Coverage.Metric("linesCovered").GetDouble());
        Assert.Equal(cold.Coverage.Metric("linesValid").GetDouble(), warm.Coverage.Metric("linesValid").GetDouble());
        Assert.Equal(["merged coverage"], warm.Coverage.Reused);
        Assert.DoesNotContain(warm.Coverage.Commands, c => c.Contains("reportgenerator", StringComparison.OrdinalIgnoreCase));
        var verified = await HostRun.RunAsync<ReuseBuild>(first.Root, ["Verify"]);
        Assert.True(verified.ExitCode == ExitCodes.Success, verified.Output + verified.Error);

        // Another checkout, at another path, sharing the cache: the same, coverage counted on its own sources.
        using var second = new SampleRepository(fixture: "platforms");
        var elsewhere = await RunAsync(second);
        Assert.Equal(4, elsewhere.Test.Reused.Count);
        Assert.Empty(elsewhere.Coverage.Reused); // its Cobertura files name its own sources
        Assert.Equal(cold.Coverage.Metric("linesCovered").GetDouble(), elsewhere.Coverage.Metric("linesCovered").GetDouble());
        Assert.Equal(cold.Coverage.Metric("linesValid").GetDouble(), elsewhere.Coverage.Metric("linesValid").GetDouble());

        // The reused figures are the bare tools' on this checkout's build: dotnet test of each project, ReportGenerator's merge.
        var bare = await PlatformsRepositoryTests.BareRunsAsync(second.Root);
        Assert.Equal(bare.Values.Sum(b => b.Passed), elsewhere.Test.Metric("passed").GetDouble());
        var merged = await PlatformsRepositoryTests.BareMergeAsync(second.Root, bare.Values.Select(b => b.Cobertura).OfType<string>().ToList());
        Assert.Equal((double)merged.Attribute("lines-covered")!, elsewhere.Coverage.Metric("linesCovered").GetDouble());
        Assert.Equal((double)merged.Attribute("lines-valid")!, elsewhere.Coverage.Metric("linesValid").GetDouble());

        // A test file of one project changed: that project runs, the other three are reused; --explain-cache names the file.
        var tests = Directory.GetFiles(Path.Combine(second.Root, "tests", "Shapes.XunitTests"), "*.cs").Order(StringComparer.Ordinal).First();
        File.AppendAllText(tests, "\n// a comment is a change of content\n");
        var changed = await RunAsync(second, "--explain-cache");
        Assert.Equal(["Shapes.LegacyTests", "Shapes.MSTests", "Shapes.NUnitTests"], changed.Test.Reused.Select(u => u.Split('/')[1]).Order(StringComparer.Ordinal));
        Assert.Single(changed.Test.Commands, c => c.Contains("Shapes.XunitTests", StringComparison.Ordinal));
        Assert.Contains($"changed file:tests/Shapes.XunitTests/{Path.GetFileName(tests)}", changed.Run.Output, StringComparison.Ordinal);
        Assert.Equal(cold.Test.Metric("passed").GetDouble(), changed.Test.Metric("passed").GetDouble());

        // --no-cache runs everything.
        var full = await RunAsync(second, "--no-cache");
        Assert.Empty(full.Test.Reused);
        Assert.Equal(4, full.Test.Commands.Count(c => c.Contains("Shapes.", StringComparison.Ordinal)));
    }
}
