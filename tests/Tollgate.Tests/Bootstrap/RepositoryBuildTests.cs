using Tollgate.Tests.Support;

namespace Tollgate.Tests.Bootstrap;

/// <summary>Tollgate's own ./build.sh, as the README promises it.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(BootstrapCollection))]
public sealed class RepositoryBuildTests
{
    [Fact]
    public async Task Plan_of_ci_runs_compile_first_every_gate_then_the_pull_request_report_then_ci_then_package()
    {
        var run = await Shell.RunAsync(RepositoryRoot.Path, "bash", ["build.sh", "--plan", "Ci"]);

        Assert.Equal(0, run.ExitCode);
        var order = run.Output.Split('\n').Where(l => l.Contains(". ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[1]).ToList();
        Assert.Equal(["Compile", "TestPrerequisites", "ArchitectureTests", "SecurityScan", "Lint", "Test", "Coverage", "Mutation", "PullRequestReport", "Ci", "Package"], order);
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

    [Fact]
    public async Task Help_starts_no_git_process()
    {
        using var shims = new TempDirectory(withNuke: false);
        var log = Path.Combine(shims.Path, "git.log");
        var realGit = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "git")).First(File.Exists);
        var shim = Path.Combine(shims.Path, "git");
        File.WriteAllText(shim, $"#!/bin/sh\necho \"git $*\" >> '{log}'\nexec '{realGit}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var environment = new Dictionary<string, string> { ["PATH"] = shims.Path + ":" + Environment.GetEnvironmentVariable("PATH") };
        await Shell.RunAsync(RepositoryRoot.Path, "bash", ["build.sh", "--help"], environment: environment); // builds the build project if it must
        File.Delete(log);

        var run = await Shell.RunAsync(RepositoryRoot.Path, "bash", ["build.sh", "--help"], environment: environment);

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(log), File.Exists(log) ? File.ReadAllText(log) : "");
        var control = await Shell.RunAsync(RepositoryRoot.Path, "bash", ["-c", "git --version"], environment: environment);
        Assert.Equal(0, control.ExitCode);
        Assert.Contains("git --version", File.ReadAllText(log), StringComparison.Ordinal); // the shim does count git when it runs
    }
}
