using Tollgate.Tests.Support;

namespace Tollgate.Tests.Bootstrap;

/// <summary>Tollgate's own ./build.sh, as the README promises it.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(BootstrapCollection))]
public sealed class RepositoryBuildTests
{
    [Fact]
    public async Task Plan_of_ci_runs_compile_first_every_gate_then_ci_then_package()
    {
        var run = await Shell.RunAsync(RepositoryRoot.Path, "bash", ["build.sh", "--plan", "Ci"]);

        Assert.Equal(0, run.ExitCode);
        var order = run.Output.Split('\n').Where(l => l.Contains(". ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[1]).ToList();
        Assert.Equal(["Compile", "Lint", "TestPrerequisites", "Test", "Coverage", "ArchitectureTests", "SecurityScan", "Mutation", "Ci", "Package"], order);
    }

    [Fact]
    public async Task Help_lists_the_standard_targets_and_parameters()
    {
        var run = await Shell.RunAsync(RepositoryRoot.Path, "bash", ["build.sh", "--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var expected in new[] { "*Test", "Ci", "Verify", "--msbuild-properties <text…>", "--configuration <text>" })
        {
            Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        }
    }
}
