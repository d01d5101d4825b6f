using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Cache;

/// <summary>
/// Lint on the sample with a misindented line, against one result cache: unchanged, dotnet format does not run and the
/// violation is still found (from the stored verdict); one project changed, dotnet format checks that project alone.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(CacheRunsCollection))]
public sealed class LintReuseTests
{
    [Fact]
    public async Task A_stored_verdict_keeps_its_violation_and_a_changed_project_is_checked_alone()
    {
        using var sample = new SampleRepository("lint-fails");
        using var cache = new TempDirectory(withNuke: false);
        async Task<Gate> LintAsync()
        {
            var run = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Lint", "--cache", "read-write", "--cache-directory", cache.Path]);
            var lint = Gate.Read(sample.Evidence, "Lint");
            lint.AssertStatus("failed");
            Assert.True(run.ExitCode == ExitCodes.Failure, run.Output + run.Error);
            return lint;
        }

        static string Violation(Gate lint)
        {
            var finding = Assert.Single(lint.Findings);
            return $"{finding.GetProperty("file").GetString()}:{finding.GetProperty("line").GetInt32()}";
        }

        var cold = await LintAsync();
        Assert.Empty(cold.Reused);
        Assert.Equal("src/Sample/Domain/Discount.cs:7", Violation(cold));

        var warm = await LintAsync();
        Assert.Equal(["src/Sample/Sample.csproj", "tests/Sample.Tests/Sample.Tests.csproj"], warm.Reused.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(warm.Commands, c => c.StartsWith("dotnet format", StringComparison.Ordinal));
        Assert.Equal(Violation(cold), Violation(warm));

        sample.Write("tests/Sample.Tests/Extra.cs", "namespace Sample.Tests;\n\ninternal static class Extra\n{\n}\n");
        var changed = await LintAsync();
        Assert.Equal(["src/Sample/Sample.csproj"], changed.Reused);
        var format = Assert.Single(changed.Commands, c => c.StartsWith("dotnet format", StringComparison.Ordinal));
        Assert.EndsWith("--include tests/Sample.Tests/", format, StringComparison.Ordinal);
        Assert.Equal(Violation(cold), Violation(changed));
    }
}
