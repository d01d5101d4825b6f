using Tollgate.Engine;
using Tollgate.Tests.Support;
using Tollgate.Tools;

namespace Tollgate.Tests.Tools;

public sealed class ToolSettingsTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private static ProcessSpec Dotnet(params string[] arguments) => new("dotnet", arguments, "/repo", TimeSpan.FromMinutes(1));

    [Fact]
    public void Test_settings_add_their_typed_and_free_arguments_after_the_gate_s_own()
    {
        var settings = new DotnetTestSettings { Filter = "Category!=Slow", BlameHangTimeout = "5m" }.AddArguments("--diag", "log.txt");

        var spec = settings.ApplyTo(Dotnet("test", "A.csproj", "--no-build"));

        Assert.Equal(["test", "A.csproj", "--no-build", "--filter", "Category!=Slow", "--blame-hang-timeout", "5m", "--diag", "log.txt"], spec.Arguments);
    }

    [Fact]
    public void Settings_apply_to_their_own_tool_only()
    {
        var settings = new DotnetTestSettings().AddArguments("--x");

        Assert.Equal(["restore", "A.csproj"], settings.ApplyTo(Dotnet("restore", "A.csproj")).Arguments);
        Assert.Equal(["pack", "A.csproj", "--y"], new DotnetPackSettings().AddArguments("--y").ApplyTo(Dotnet("pack", "A.csproj")).Arguments);
        Assert.Equal(["nuget", "push", "a.nupkg"], new DotnetPackSettings().AddArguments("--y").ApplyTo(Dotnet("nuget", "push", "a.nupkg")).Arguments);
        Assert.Equal(["nuget", "push", "a.nupkg", "--skip-duplicate"], new NuGetPushSettings().AddArguments("--skip-duplicate").ApplyTo(Dotnet("nuget", "push", "a.nupkg")).Arguments);
        Assert.Equal(["version", "--format", "json"], new TrivySettings().AddArguments("--z").ApplyTo(new ProcessSpec("trivy", ["version", "--format", "json"], "/")).Arguments);
        Assert.Equal(["fs", ".", "--z"], new TrivySettings().AddArguments("--z").ApplyTo(new ProcessSpec("/opt/trivy", ["fs", "."], "/")).Arguments);
    }

    [Fact]
    public void Environment_and_time_out_are_set_and_others_kept()
    {
        var spec = Dotnet("build") with { Environment = new Dictionary<string, string?> { ["A"] = "1" } };

        var applied = new DotnetBuildSettings().SetEnvironmentVariable("B", "2").SetTimeout(TimeSpan.FromMinutes(7)).ApplyTo(spec);

        Assert.Equal("1", applied.Environment!["A"]);
        Assert.Equal("2", applied.Environment["B"]);
        Assert.Equal(TimeSpan.FromMinutes(7), applied.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(1), new DotnetBuildSettings().ApplyTo(spec).Timeout);
    }

    [Fact]
    public async Task A_runner_with_settings_runs_the_changed_command_and_records_it_masked()
    {
        var program = Path.Combine(root.Path, "reportgenerator");
        var received = Path.Combine(root.Path, "received.txt");
        File.WriteAllText(program, $"#!/bin/sh\necho \"$*\" > '{received}'\necho \"args: $*\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var masker = new SecretMasker();
        masker.Add("hunter22secret");
        var runner = new ProcessRunner(new BuildLog(TextWriter.Null, TextWriter.Null, Verbosity.Normal, masker));

        var recorded = ProcessRunner.Record();
        var result = await runner.With(new ReportGeneratorSettings().AddArguments("-tag:hunter22secret"))
            .RunAsync(new ProcessSpec(program, ["-reports:a.xml"], root.Path), CancellationToken.None);

        Assert.Equal("-reports:a.xml -tag:hunter22secret", File.ReadAllText(received).Trim()); // the tool gets the value itself
        Assert.Equal("args: -reports:a.xml -tag:***", result.Output.Trim()); // what it prints back is masked
        var line = Assert.Single(recorded);
        Assert.EndsWith("-reports:a.xml -tag:***", line, StringComparison.Ordinal);
    }
}
