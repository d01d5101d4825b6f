using Tollgate.Gates.Test;
using Tollgate.Tests.Support;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Tools;

/// <summary>The one rule that tells a test project's platform, and how a Microsoft.Testing.Platform application is run and supplied.</summary>
public class TestPlatformTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    public static TheoryData<string, bool, bool, bool, bool, bool, string> Projects => new()
    {
        // what, IsTestProject, IsTestingPlatformApplication, TestingPlatformDotnetTestSupport, opt-in, global.json MTP → platform
        { "a library", false, false, false, false, false, "none" },
        { "a library, MTP repository", false, false, false, false, true, "none" },
        { "xunit 2 with Microsoft.NET.Test.Sdk", true, false, false, false, false, "VSTest" },
        { "xunit 2 with Microsoft.NET.Test.Sdk, MTP repository", true, false, false, false, true, "VSTest" },
        { "xunit.v3 alone", false, true, false, false, false, "TestingPlatform" },
        { "xunit.v3 with Microsoft.NET.Test.Sdk and the VSTest adapter", true, true, false, false, false, "VSTest" },
        { "xunit.v3 with Microsoft.NET.Test.Sdk, MTP repository", true, true, false, false, true, "TestingPlatform" },
        { "xunit.v3 with UseMicrosoftTestingPlatformRunner", true, true, false, true, false, "TestingPlatform" },
        { "NUnit with EnableNUnitRunner and Microsoft.NET.Test.Sdk", true, true, false, true, false, "TestingPlatform" },
        { "an application asking dotnet test for the platform", true, true, true, false, false, "TestingPlatform" },
        { "an opt-in property alone", false, false, false, true, false, "TestingPlatform" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_platform_follows_the_projects_properties_and_global_json(string what, bool isTestProject, bool application, bool dotnetTest, bool optIn, bool repository, string platform)
    {
        var facts = new TestingFacts(isTestProject, application, dotnetTest, optIn);

        Assert.True(platform == (facts.Platform(repository)?.ToString() ?? "none"), what);
        Assert.Equal(platform != "none" || facts.Platform(!repository) is not null, facts.IsTest);
    }

    [Fact]
    public void The_build_info_carries_the_platform_facts_and_what_tollgate_supplied()
    {
        root.Write("info/T.1.net10.0.properties", string.Join('\n',
            "project=/r/tests/T.csproj", "framework=net10.0", "isTestProject=", "targetPath=/r/t.dll", "sarif=/r/t.sarif", "sdk=10.0.401",
            "isTestingPlatformApplication=true", "testingPlatformDotnetTestSupport=", "testingPlatformOptIn=||",
            "testingPlatformPackages=Microsoft.Testing.Platform@2.5.3|coverlet.MTP@10.1.1|xunit.v3.extensibility.core@3.2.2",
            "suppliedPackages=coverlet.MTP@10.1.1") + "\n");

        var project = Assert.Single(BuildInfo.Read(Path.Combine(root.Path, "info")));

        Assert.True(project.IsTestProject);
        Assert.Equal(TestPlatform.TestingPlatform, project.PlatformIn(repositoryUsesPlatform: false));
        Assert.Equal(2, project.Facts.PlatformMajor);
        Assert.False(project.Facts.Owns(TestingFacts.CoverletExtension));
        Assert.True(project.Facts.Owns(TestingFacts.XunitV3Package));
    }

    [Fact]
    public void A_repository_runs_dotnet_test_on_the_platform_when_its_nearest_global_json_says_so()
    {
        root.Write("global.json", "{ \"sdk\": { \"version\": \"10.0.100\" }, // the SDK\n  \"test\": { \"runner\": \"Microsoft.Testing.Platform\" }, }");
        Directory.CreateDirectory(Path.Combine(root.Path, "src", "deep"));

        Assert.True(GlobalJson.UsesTestingPlatform(Path.Combine(root.Path, "src", "deep")));
        Assert.Equal("""
            {
              "sdk": {
                "version": "10.0.100"
              }
            }

            """.ReplaceLineEndings("\n"), GlobalJson.WithRunner(root.Path, testingPlatform: false));

        root.Write("global.json", "{ \"test\": { \"runner\": \"VSTest\" } }");
        Assert.False(GlobalJson.UsesTestingPlatform(root.Path));
        Assert.Contains("\"runner\": \"Microsoft.Testing.Platform\"", GlobalJson.WithRunner(root.Path, testingPlatform: true), StringComparison.Ordinal);

        root.Write("global.json", "{ \"test\": ");
        var error = Assert.Throws<InvalidDataException>(() => GlobalJson.UsesTestingPlatform(root.Path));
        Assert.Contains("global.json is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_test_runs_from_the_root_in_the_repositorys_mode_and_from_a_folder_of_tollgates_in_the_other()
    {
        var modes = new TestModes(root.Path, Path.Combine(root.Path, ".nuke", "temp"));

        Assert.Equal(root.Path, modes.WorkingDirectory(TestPlatform.VSTest));
        var other = modes.WorkingDirectory(TestPlatform.TestingPlatform);

        Assert.Equal(Path.Combine(root.Path, ".nuke", "temp", "test-mode", "mtp"), other);
        Assert.True(GlobalJson.UsesTestingPlatform(other));
        Assert.False(File.Exists(Path.Combine(root.Path, "global.json")));
    }

    [Fact]
    public void An_application_reports_with_its_own_trx_extension_or_xunits_own_and_filters_a_shard_as_its_framework_does()
    {
        var nunit = Application(("Microsoft.Testing.Platform", "2.5.3"), ("Microsoft.Testing.Extensions.TrxReport", "2.5.3"), ("coverlet.MTP", "10.1.1"));
        var run = PlatformRuns.For(nunit, "t.csproj", "Category!=Slow", ["Ns.A", "Ns.B"], collectCoverage: true).Run!;
        Assert.Equal(("--report-trx", true), (run.TrxOption, run.Coverlet));
        Assert.Equal(["--filter", "(Category!=Slow)&(FullyQualifiedName~Ns.A.|FullyQualifiedName~Ns.B.)"], run.Filter);

        var xunit = Application(("Microsoft.Testing.Platform", "2.5.3"), ("xunit.v3.extensibility.core", "3.2.2"), ("coverlet.MTP", "10.1.1"));
        var xrun = PlatformRuns.For(xunit, "x.csproj", null, ["Ns.A"], collectCoverage: true).Run!;
        Assert.Equal("--report-xunit-trx", xrun.TrxOption);
        Assert.Equal(["--filter-class", "Ns.A"], xrun.Filter);

        var refused = PlatformRuns.For(xunit, "x.csproj", "Category!=Slow", [], collectCoverage: true);
        Assert.Null(refused.Run);
        Assert.StartsWith("x.csproj runs on xunit.v3's Microsoft.Testing.Platform runner, which takes no VSTest filter ('Category!=Slow'", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_on_the_platforms_first_version_without_coverlet_is_a_problem_naming_the_move_unless_coverage_is_off()
    {
        var old = Application(("Microsoft.Testing.Platform", "1.9.1"), ("xunit.v3.extensibility.core", "3.2.2"));

        var decision = PlatformRuns.For(old, "x.csproj", null, [], collectCoverage: true);

        Assert.Null(decision.Run);
        Assert.Equal("x.csproj runs on Microsoft.Testing.Platform 1.9.1, and coverlet.MTP, which Tollgate would supply, needs the platform's version 2: move the project to it (xunit.v3: reference xunit.v3.mtp-v2), or run without coverage (--collect-coverage false).", decision.Problem);
        Assert.False(PlatformRuns.For(old, "x.csproj", null, [], collectCoverage: false).Run!.Coverlet);
        Assert.Empty(PlatformExtensions.Plan([old], false, "2.5.3", "10.1.1"));
    }

    [Fact]
    public void Tollgate_supplies_only_what_an_application_on_the_platforms_second_version_lacks()
    {
        var bare = Application("/r/tests/N.csproj", ("Microsoft.Testing.Platform", "2.4.1"));
        var own = Application("/r/tests/M.csproj", ("Microsoft.Testing.Platform", "2.5.3"), ("Microsoft.Testing.Extensions.TrxReport", "2.5.3"), ("coverlet.MTP", "10.1.1"));
        var xunit = Application("/r/tests/X.csproj", ("Microsoft.Testing.Platform", "2.5.3"), ("xunit.v3.extensibility.core", "3.2.2"));
        var vstest = new ProjectInfo("/r/tests/V.csproj", "net10.0", true, "/r/v.dll", "/r/v.sarif", "10.0.401");

        var plan = PlatformExtensions.Plan([bare, own, xunit, vstest], false, "2.5.3", "10.1.1");

        Assert.Equal(
            ["/r/tests/N.csproj: Microsoft.Testing.Extensions.TrxReport 2.5.3, coverlet.MTP 10.1.1", "/r/tests/X.csproj: coverlet.MTP 10.1.1"],
            plan.Select(s => $"{s.Project}: {string.Join(", ", s.Packages.Select(p => $"{p.Key} {p.Value}"))}"));
        var props = PlatformExtensions.Render([new PlatformExtensions.Supply("/r/it's 100%/X.csproj", [new("coverlet.MTP", "10.1.1")])]);
        Assert.Contains("<ItemGroup Condition=\"'$(MSBuildProjectFullPath)' == '/r/it%27s 100%25/X.csproj'\">", props, StringComparison.Ordinal);
        Assert.Contains("<_TollgateSupply Include=\"coverlet.MTP\" SupplyVersion=\"10.1.1\" />", props, StringComparison.Ordinal);

        // What Tollgate supplied stays supplied on the next build: the plan is the same, so the build does not run twice.
        var supplied = Application("/r/tests/X.csproj", ("Microsoft.Testing.Platform", "2.5.3"), ("xunit.v3.extensibility.core", "3.2.2"), ("coverlet.MTP", "10.1.1")) is var x
            ? x with { Testing = x.Facts with { Supplied = new Dictionary<string, string> { ["coverlet.MTP"] = "10.1.1" } } }
            : null;
        Assert.Equal("coverlet.MTP", Assert.Single(Assert.Single(PlatformExtensions.Plan([supplied!], false, "2.5.3", "10.1.1")).Packages).Key);
    }

    [Fact]
    public void Coverlets_timestamped_file_takes_the_collectors_name()
    {
        root.Write("results/coverage.cobertura.061226185157892.xml", "<coverage />");

        CoverletFile.Normalise(Path.Combine(root.Path, "results"));

        Assert.Equal(["coverage.cobertura.xml"], Directory.GetFiles(Path.Combine(root.Path, "results")).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("passed Ns.Class.Method (12ms)", 1, 0)]
    [InlineData("failed Ns.Class.Method (3s 120ms)", 1, 1)]
    [InlineData("skipped Ns.Class.Method (0ms)", 1, 0)]
    [InlineData("  Passed Ns.Class.Method [12 ms]", 1, 0)]
    [InlineData("/r/bin/T.dll (net10.0|x64) passed (593ms)", 0, 0)]
    [InlineData("  from /r/bin/T.dll (net10.0|x64)", 0, 0)]
    public void Progress_counts_a_test_line_of_either_platform(string line, int done, int failed)
    {
        var progress = new TestProgress(0, () => TimeSpan.Zero);

        progress.Observe(line);

        Assert.Equal($"Testing: {done} tests done{(failed > 0 ? $" ({failed} failed)" : "")}, 0:00 elapsed", progress.Describe());
    }

    private static ProjectInfo Application(params (string Id, string Version)[] packages) => Application("/r/tests/T.csproj", packages);

    private static ProjectInfo Application(string project, params (string Id, string Version)[] packages) =>
        new(project, "net10.0", true, "/r/t.dll", "/r/t.sarif", "10.0.401",
            Testing: new TestingFacts(false, true, false, false, packages.ToDictionary(p => p.Id, p => p.Version, StringComparer.OrdinalIgnoreCase)));
}
