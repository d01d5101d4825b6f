using Tollgate.Engine;
using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.Docker;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Tools;

/// <summary>
/// Typed tool settings: a step fills a record, the build's hook changes it, and only then is the command line rendered from
/// it, in one place per tool, with the free arguments last.
/// </summary>
public sealed class ToolSettingsTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    public static TheoryData<ToolSettings, string[]> Rendered() => new()
    {
        {
            new DotnetBuildSettings { Target = "A.slnx", Configuration = "Release", Properties = ["X=1"], Restore = false, BuildTargets = "t.targets", BuildInfo = "info" },
            ["build", "A.slnx", "--configuration", "Release", "--nologo", "-p:CustomAfterMicrosoftCommonTargets=t.targets", "-p:TollgateBuildInfo=info", "-p:X=1", "--no-restore"]
        },
        { new DotnetFormatSettings { Target = "A.slnx", ReportDirectory = "r" }, ["format", "A.slnx", "--verify-no-changes", "--no-restore", "--report", "r"] },
        {
            new DotnetPackSettings { Target = "A.csproj", Configuration = "Release", Output = "out", Properties = ["Version=1.2.3"], NoBuild = true },
            ["pack", "A.csproj", "--configuration", "Release", "--nologo", "--output", "out", "--no-build", "--include-symbols", "-p:SymbolPackageFormat=snupkg", "-p:Version=1.2.3"]
        },
        { new DotnetPublishSettings { Project = "Api.csproj", Configuration = "Release", Output = "pub" }, ["publish", "Api.csproj", "--configuration", "Release", "--nologo", "--output", "pub"] },
        { new NuGetPushSettings { Package = "a.nupkg", ResponseFile = "push.rsp" }, ["nuget", "push", "a.nupkg", "@push.rsp"] },
        {
            new ReportGeneratorSettings { Reports = ["a.xml", "b.xml"], TargetDirectory = "cov", AssemblyFilters = ["-*.Tests"] },
            ["-reports:a.xml;b.xml", "-targetdir:cov", "-reporttypes:Cobertura;JsonSummary;MarkdownSummaryGithub;HtmlInline", "-verbosity:Warning", "-assemblyfilters:-*.Tests"]
        },
        { new StrykerSettings { Project = "/r/A.csproj", ConfigFile = "c.json", Output = "o" }, ["--config-file", "c.json", "--output", "o", "--skip-version-check"] },
        {
            new CycloneDxSettings { Project = "A.csproj", Output = "sbom", FileName = "A.cdx.json", Name = "A", Version = "1.0.0" },
            ["A.csproj", "--output", "sbom", "--filename", "A.cdx.json", "--output-format", "Json", "--spec-version", "1.6", "--disable-package-restore",
                "--set-name", "A", "--set-version", "1.0.0", "--set-type", "Library", "--exclude-test-projects", "--no-serial-number"]
        },
        {
            new TrivySettings { Command = "fs", Target = ".", Output = "fs.json", Offline = true, SkipDirectories = ["**/bin"], CacheDirectory = "c", ConfigFile = "e.yaml", IgnoreFile = "e.ignore" },
            ["fs", "--format", "json", "--output", "fs.json", "--exit-code", "0", "--cache-dir", "c", "--config", "e.yaml", "--ignorefile", "e.ignore", "--scanners", "vuln,secret",
                "--skip-dirs", "**/bin", "--skip-db-update", "--skip-java-db-update", "--offline-scan", "."]
        },
        {
            new DotnetTestSettings { Project = "T.csproj", Framework = "net10.0", Configuration = "Release", ResultsDirectory = "r", BlameHangTimeout = "5m", FilterOptions = ["--filter", "Category!=Slow"] },
            ["test", "T.csproj", "--no-build", "--configuration", "Release", "--nologo", "--results-directory", "r", "--logger", "trx;LogFileName=results.trx",
                "--logger", "console;verbosity=normal", "--framework", "net10.0", "--blame-hang-timeout", "5m", "--blame-hang-dump-type", "none", "--filter", "Category!=Slow"]
        },
        {
            new DotnetTestSettings
            {
                Project = "T.csproj", Framework = "net10.0", ResultsDirectory = "r", BlameHangTimeout = "5m", CollectCoverage = true,
                Platform = new PlatformRun("--report-trx", Coverlet: true, [], Application: "/r/bin/T.dll", Hang: false),
            },
            ["exec", "/r/bin/T.dll", "--results-directory", "r", "--report-trx", "--report-trx-filename", "results.trx", "--output", "Detailed", "--no-ansi", "--coverlet", "--coverlet-output-format", "cobertura"]
        },
    };

    [Theory]
    [MemberData(nameof(Rendered))]
    public void Each_tool_renders_its_command_line_from_its_typed_fields_then_the_free_arguments(ToolSettings settings, string[] words)
    {
        var spec = (settings with { Arguments = ["--extra", "x"] }).ToProcess("tool", "/repo");

        Assert.Equal([.. words, "--extra", "x"], spec.Arguments);
    }

    [Fact]
    public void Environment_and_time_out_go_over_the_steps_own_and_others_are_kept()
    {
        var settings = new DotnetBuildSettings().SetEnvironmentVariable("B", "2").SetEnvironmentVariable("A", null).SetTimeout(TimeSpan.FromMinutes(7));

        var spec = settings.ToProcess("dotnet", "/repo", TimeSpan.FromMinutes(1), new Dictionary<string, string?> { ["A"] = "1", ["C"] = "3" });

        Assert.Equal(new Dictionary<string, string?> { ["A"] = null, ["B"] = "2", ["C"] = "3" }, spec.Environment);
        Assert.Equal(TimeSpan.FromMinutes(7), spec.Timeout);
        Assert.Equal(TimeSpan.FromMinutes(1), new DotnetBuildSettings().ToProcess("dotnet", "/repo", TimeSpan.FromMinutes(1)).Timeout);
    }

    [Fact]
    public void A_hook_changes_only_the_settings_of_its_own_type()
    {
        var hooks = ToolHooks.None.With<DotnetPackSettings>(s => s.AddArguments("--pack-only")).With<NuGetPushSettings>(s => s.AddArguments("--skip-duplicate"));

        Assert.Equal(["--pack-only"], hooks.Apply(new DotnetPackSettings()).Arguments);
        Assert.Equal(["--skip-duplicate"], hooks.Apply(new NuGetPushSettings()).Arguments);
        Assert.Empty(hooks.Apply(new DotnetPublishSettings()).Arguments);
        Assert.Empty(ToolHooks.None.Apply(new DotnetPackSettings { Arguments = [] }).Arguments);
    }

    [Fact]
    public void A_hook_that_returns_null_is_named()
    {
        var hooks = ToolHooks.None.With<StrykerSettings>(_ => null!);

        var error = Assert.Throws<InvalidOperationException>(() => hooks.Apply(new StrykerSettings()));

        Assert.Contains("StrykerSettings hook returned null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docker_build_renders_its_typed_options_as_the_engines_query_and_refuses_free_arguments()
    {
        var settings = new DockerBuildSettings
        {
            Tags = ["r/api:1.0.0", "r/api:abc"],
            Labels = new Dictionary<string, string> { ["a"] = "b" },
            BuildArguments = new Dictionary<string, string> { ["CONFIG"] = "Release" },
            Target = "final",
        };

        var query = DockerEngine.BuildQuery(settings);
        var error = Assert.Throws<InvalidDataException>(() => DockerEngine.BuildQuery(settings.AddArguments("--no-cache")));

        Assert.Equal(
            "build?dockerfile=Dockerfile&networkmode=host&rm=1&forcerm=1&t=r%2Fapi%3A1.0.0&t=r%2Fapi%3Aabc&labels=%7B%22a%22%3A%22b%22%7D&buildargs=%7B%22CONFIG%22%3A%22Release%22%7D&target=final",
            query);
        Assert.StartsWith("DockerBuildSettings: docker build runs through the Docker Engine API", error.Message, StringComparison.Ordinal);
        Assert.Equal(["build", "--file", "Dockerfile", "--network", "host", "--tag", "r/api:1.0.0", "--tag", "r/api:abc", "--label", "a=b", "--build-arg", "CONFIG=Release", "--target", "final", "."],
            settings.RenderArguments());
    }

    [Fact]
    public async Task A_run_records_the_rendered_command_masked_while_the_tool_gets_the_value_itself()
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
        var settings = ToolHooks.None.With<ReportGeneratorSettings>(s => s.AddArguments("-tag:hunter22secret"))
            .Apply(new ReportGeneratorSettings { Reports = ["a.xml"], TargetDirectory = "out" });

        var recorded = ProcessRunner.Record();
        var result = await runner.RunAsync(settings.ToProcess(program, root.Path), CancellationToken.None);

        Assert.EndsWith("-tag:hunter22secret", File.ReadAllText(received).Trim(), StringComparison.Ordinal); // the tool gets the value itself
        Assert.EndsWith("-tag:***", result.Output.Trim(), StringComparison.Ordinal); // what it prints back is masked
        Assert.DoesNotContain("hunter22secret", result.Output, StringComparison.Ordinal);
        var line = Assert.Single(recorded);
        Assert.StartsWith($"{program} -reports:a.xml -targetdir:out ", line, StringComparison.Ordinal);
        Assert.EndsWith("-tag:***", line, StringComparison.Ordinal);
    }
}
