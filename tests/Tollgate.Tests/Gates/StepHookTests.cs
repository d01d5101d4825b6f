using System.IO.Compression;
using Tollgate.Evidence;
using Tollgate.Gates;
using Tollgate.Gates.Compile;
using Tollgate.Gates.Coverage;
using Tollgate.Gates.Lint;
using Tollgate.Gates.Merge;
using Tollgate.Gates.Mutation;
using Tollgate.Gates.Package;
using Tollgate.Gates.Review;
using Tollgate.Gates.SecurityScan;
using Tollgate.Gates.Test;
using Tollgate.Tests.Evidence;
using Tollgate.Tests.Security;
using Tollgate.Tests.Support;
using Tollgate.Tests.Tools;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Gates;

/// <summary>
/// Steps driven with fake tools: each builds its runs' settings, hands them to the build's hook, and renders the command
/// lines from what the hook returned; the gate then judges what the (fake) tool wrote.
/// </summary>
public sealed class StepHookTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private BundleWriter Bundle() => new(Path.Combine(root.Path, "artifacts", "evidence"));

    private ProjectInfo TestProject(string name) =>
        new(Path.Combine(root.Path, "tests", name, name + ".csproj"), "net10.0", true, Path.Combine(root.Path, "tests", name, "bin", name + ".dll"), "", "10.0.100", false, CoverageCollector: "6.0.4");

    [Fact]
    public async Task The_test_hook_is_called_per_project_and_its_changes_reach_only_that_projects_command_line()
    {
        var tools = new FakeTools(spec =>
        {
            var directory = FakeTools.After(spec, "--results-directory");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "results.trx"), TrxSamples.Run(("Ns.T.One", "Passed", null), ("Ns.T.Two", "Passed", null)));
            return (0, "");
        });
        var seen = new List<string>();
        var hooks = ToolHooks.None.With<DotnetTestSettings>(s =>
        {
            lock (seen)
            {
                seen.Add($"{Path.GetFileName(s.Project)} {s.Framework} {s.BlameHangTimeout}");
            }

            return s.Project.EndsWith("Slow.Tests.csproj", StringComparison.Ordinal) ? s with { Filter = "Category!=Nightly", BlameHangTimeout = "2h" } : s.AddArguments("--diag", "a.log");
        });
        var inputs = new TestInputs
        {
            Scope = new BuildScope(root.Path, [TestProject("Fast.Tests"), TestProject("Slow.Tests")], Path.Combine(root.Path, "A.slnx"), "Release", []),
            ResultsDirectory = Path.Combine(root.Path, "artifacts", "test-results"),
            Collector = new PinnedTool(Path.Combine(root.Path, "tools"), "6.0.4"),
            HangTimeout = "30m",
        };

        var result = await new TestStep(tools.Runner, Bundle(), _ => { }, hooks).RunAsync(inputs, CancellationToken.None);

        Assert.True(result.Status == GateStatus.Passed, $"{result.Status}: {string.Join("; ", result.Reasons)}");
        Assert.Equal((4, 2), (result.Metrics["passed"], result.Metrics["runs"]));
        Assert.Equal(["Fast.Tests.csproj net10.0 30m", "Slow.Tests.csproj net10.0 30m"], seen.Order(StringComparer.Ordinal));
        var fast = Assert.Single(tools.Runs, r => r.Arguments[1].EndsWith("Fast.Tests.csproj", StringComparison.Ordinal));
        var slow = Assert.Single(tools.Runs, r => r.Arguments[1].EndsWith("Slow.Tests.csproj", StringComparison.Ordinal));
        Assert.True(FakeTools.Has(fast, "--blame-hang-timeout", "30m") && FakeTools.Has(fast, "--diag", "a.log") && !fast.Arguments.Contains("--filter"), fast.CommandLine);
        Assert.True(FakeTools.Has(slow, "--blame-hang-timeout", "2h") && FakeTools.Has(slow, "--filter", "Category!=Nightly") && !slow.Arguments.Contains("--diag"), slow.CommandLine);
    }

    [Fact]
    public async Task The_format_hook_changes_the_dotnet_format_run_and_the_gate_judges_its_report()
    {
        var project = root.Write("src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        var sarif = root.Write("obj/A.sarif", """{ "version": "2.1.0", "runs": [ { "results": [] } ] }""");
        var tools = new FakeTools(spec =>
        {
            var directory = FakeTools.After(spec, "--report");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, FormatReport.FileName), $$"""
                [ { "FilePath": "{{root.Path}}/src/A/B.cs", "FileChanges": [ { "LineNumber": 3, "CharNumber": 1, "DiagnosticId": "WHITESPACE", "FormatDescription": "Fix whitespace formatting." } ] } ]
                """);
            return (2, "");
        });
        var hooks = ToolHooks.None.With<DotnetFormatSettings>(s => s.AddArguments("--exclude", "src/Generated"));
        var inputs = new LintInputs
        {
            Root = root.Path,
            BuildTarget = Path.Combine(root.Path, "A.slnx"),
            Built = [new ProjectInfo(project, "net10.0", false, Path.Combine(root.Path, "A.dll"), sarif, "10.0.100")],
            ReportDirectory = Path.Combine(root.Path, "artifacts", "lint"),
            Properties = ["X=1"],
            Policy = new LintPolicy(["error", "warning"]),
            TollgateVersion = "0.0.0",
        };

        var result = await new LintStep(tools.Runner, Bundle(), hooks).RunAsync(inputs, CancellationToken.None);

        Assert.True(result.Status == GateStatus.Failed, $"{result.Status}: {string.Join("; ", result.Reasons)}");
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("src/A/B.cs", 3, "WHITESPACE"), (finding.File, finding.Line, finding.Rule));
        var format = Assert.Single(tools.Runs);
        Assert.Equal(["format", Path.Combine(root.Path, "A.slnx"), "--verify-no-changes", "--no-restore", "--report", Path.Combine(root.Path, "artifacts", "lint"), "--exclude", "src/Generated"], format.Arguments);
    }

    // What `dotnet tool install --tool-path` leaves: the launcher and the store's entry point.
    internal static void Install(ProcessSpec spec)
    {
        var (package, version, toolPath) = (spec.Arguments[2], FakeTools.After(spec, "--version"), FakeTools.After(spec, "--tool-path"));
        var store = Path.Combine(toolPath, ".store", package.ToLowerInvariant(), version, "tools");
        Directory.CreateDirectory(store);
        File.WriteAllText(Path.Combine(store, "DotnetToolSettings.xml"), "<DotNetCliTool><Commands><Command EntryPoint=\"tool.dll\" /></Commands></DotNetCliTool>");
        File.WriteAllText(Path.Combine(store, "tool.dll"), "x");
        File.WriteAllText(Path.Combine(toolPath, "dotnet-CycloneDX"), "#!/bin/sh\n");
    }

    [Fact]
    public async Task The_package_hooks_change_pack_sbom_and_push_and_the_artifacts_are_what_the_tools_wrote()
    {
        var library = root.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        var feed = Path.Combine(root.Path, "artifacts", "feed");
        var pushedFrom = new List<string>();
        var tools = new FakeTools(spec =>
        {
            switch (spec.Arguments[0])
            {
                case "tool":
                    Install(spec);
                    break;
                case "pack":
                    var output = FakeTools.After(spec, "--output");
                    using (var zip = ZipFile.Open(Path.Combine(output, "Lib.1.2.3.nupkg"), ZipArchiveMode.Create))
                    {
                        using var entry = new StreamWriter(zip.CreateEntry("Lib.nuspec").Open());
                        entry.Write("<package />");
                    }

                    break;
                case "nuget":
                    pushedFrom.Add(File.ReadAllText(spec.Arguments[3][1..])); // the response file, while the push runs
                    Directory.CreateDirectory(feed);
                    File.Copy(spec.Arguments[2], Path.Combine(feed, Path.GetFileName(spec.Arguments[2])));
                    break;
                default: // dotnet-CycloneDX <project> --output <dir> --filename <name>
                    File.WriteAllText(Path.Combine(FakeTools.After(spec, "--output"), FakeTools.After(spec, "--filename")), """{ "bomFormat": "CycloneDX" }""");
                    break;
            }

            return (0, "");
        });
        var hooks = ToolHooks.None
            .With<DotnetPackSettings>(s => s with { Properties = [.. s.Properties, "Authors=Platform Team"] })
            .With<CycloneDxSettings>(s => s.AddArguments("--exclude-dev"))
            .With<NuGetPushSettings>(s => s.SetTimeout(TimeSpan.FromMinutes(3)));
        var version = new BuildVersion("1.2.3", "1.2.3", "1.2.3+abc", "1.0.0.0", "1.2.3", "abc", "main", "git");
        var inputs = new PackageInputs
        {
            Scope = new BuildScope(root.Path, [new ProjectInfo(library, "net10.0", false, Path.Combine(root.Path, "Lib.dll"), "", "10.0.100")], Path.Combine(root.Path, "Lib.slnx"), "Release", []),
            Version = version,
            Paths = new PackagePaths(Path.Combine(root.Path, "artifacts", "packages"), Path.Combine(root.Path, "artifacts", "publish"), Path.Combine(root.Path, "artifacts", "sbom")),
            Publishing = new PackagePublishing(feed, "key-123", null, null, "/nonexistent.sock", _ => Task.FromResult<string?>(null)),
            CycloneDx = new PinnedTool(Path.Combine(root.Path, "tools"), "5.5.0"),
        };

        var result = await new PackageStep(tools.Runner, Bundle(), _ => { }, hooks).RunAsync(inputs, CancellationToken.None);

        Assert.True(result.Status == GateStatus.Passed, $"{result.Status}: {string.Join("; ", result.Reasons)}");
        Assert.Equal((1, 1), (result.Metrics["packages"], result.Metrics["pushed"]));
        Assert.True(File.Exists(Path.Combine(feed, "Lib.1.2.3.nupkg")));
        var pack = Assert.Single(tools.Runs, r => r.Arguments[0] == "pack");
        Assert.Equal("Authors=Platform Team", pack.Arguments[^1][3..]);
        var sbom = Assert.Single(tools.Runs, r => Path.GetFileName(r.FileName) == "dotnet-CycloneDX");
        Assert.Equal(library, sbom.Arguments[0]);
        Assert.Equal("--exclude-dev", sbom.Arguments[^1]);
        var push = Assert.Single(tools.Runs, r => r.Arguments[0] == "nuget");
        Assert.Equal(TimeSpan.FromMinutes(3), push.Timeout);
        Assert.Equal($"--source\n{feed}\n--api-key\nkey-123\n", Assert.Single(pushedFrom));
    }

    [Fact]
    public async Task The_trivy_hook_changes_every_scan_and_the_secret_scan_reads_what_git_lists()
    {
        root.Write(".nuke/security.json", """{ "waivers": [ { "scanner": "nuget-audit", "reason": "this test is about Trivy and the secret scan" } ] }""");
        root.Write("config/app.txt", $"key = {PlantedSecrets.AwsKeyId}\n");
        var tools = FakeTools.GitAndTrivy("config/app.txt");
        var hooks = ToolHooks.None.With<TrivySettings>(s => s with { SkipDirectories = [.. s.SkipDirectories, "samples"] });
        var inputs = new SecurityScanInputs
        {
            Scope = new SecurityScope(root.Path, "", null, "no solution", []),
            FailOn = ["critical", "high"],
            Trivy = new TrivyOptions("trivy", true, "0.50.0", hooks, new Dictionary<string, string>()),
            WorkDirectory = Path.Combine(root.Path, ".nuke", "temp", "security"),
            TollgateVersion = "0.0.0",
        };

        var result = await new SecurityScanStep(tools.Runner, Bundle(), _ => { }, _ => { }).RunAsync(inputs, CancellationToken.None);

        Assert.True(result.Status == GateStatus.Failed, $"{result.Status}: {string.Join("; ", result.Reasons)}");
        var secret = Assert.Single(result.Findings, f => f.Kind == "secret");
        Assert.Equal(("config/app.txt", 1, "aws-access-key-id"), (secret.File, secret.Line, secret.Rule));
        Assert.Equal("0.58.1", result.Tools["trivy"]);
        var scans = tools.Runs.Where(r => r.FileName == "trivy" && r.Arguments[0] is "fs" or "config").ToList();
        Assert.Equal(2, scans.Count);
        Assert.All(scans, scan => Assert.True(FakeTools.Has(scan, "--skip-dirs", "samples"), scan.CommandLine));
    }

    private CompileInputs Compile(string project) => new()
    {
        Scope = new BuildScope(root.Path, [], Path.Combine(root.Path, "A.slnx"), "Release", []),
        TargetName = "A.slnx",
        Projects = [project],
        BuildTargets = Path.Combine(root.Path, "t.targets"),
        BuildInfoDirectory = Path.Combine(root.Path, ".nuke", "temp", "build-info"),
        StampFile = Path.Combine(root.Path, ".nuke", "temp", "restore.stamp"),
        ExtensionsFile = Path.Combine(root.Path, ".nuke", "temp", "extensions.props"),
        ExtensionVersions = ("2.5.3", "10.1.1", "2.5.3"),
    };

    [Fact]
    public async Task Compile_builds_without_a_restore_while_the_stamp_holds_and_once_more_with_a_forced_restore_when_that_fails()
    {
        var project = root.Write("src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        root.Write("src/A/obj/project.assets.json", "{}");
        var inputs = Compile(project);
        Directory.CreateDirectory(Path.GetDirectoryName(inputs.StampFile)!);
        File.WriteAllText(inputs.StampFile, RestoreStamp.Current(root.Path, [project], "Release", [])!);
        var said = new List<string>();
        var tools = new FakeTools(spec =>
        {
            if (spec.Arguments.Contains("--no-restore"))
            {
                return (1, "error NU1101: the assets are stale");
            }

            // What Tollgate's build targets write for each project built.
            var info = Directory.CreateDirectory(FakeTools.Valued(spec, "-p:TollgateBuildInfo=")).FullName;
            File.WriteAllText(Path.Combine(info, "A.properties"), $"project={project}\nframework=net10.0\ntargetPath={root.Path}/A.dll\nsarif={root.Path}/A.sarif\nsdk=10.0.100\n");
            return (0, "Build succeeded.");
        });
        var hooks = ToolHooks.None.With<DotnetBuildSettings>(s => s.AddArguments("-warnaserror"));

        await new CompileStep(tools.Runner, said.Add, hooks).RunAsync(inputs, CancellationToken.None);

        Assert.Equal(2, tools.Runs.Count);
        Assert.True(FakeTools.Has(tools.Runs[0], "--no-restore", "-warnaserror"), tools.Runs[0].CommandLine);
        Assert.True(FakeTools.Has(tools.Runs[1], "--force", "-warnaserror") && !tools.Runs[1].Arguments.Contains("--no-restore"), tools.Runs[1].CommandLine);
        Assert.Equal(["The build without a restore failed; building again with the restore."], said);
        Assert.True(RestoreStamp.Holds(inputs.StampFile, RestoreStamp.Current(root.Path, [project], "Release", [])));
    }

    [Fact]
    public async Task A_failed_compile_names_what_it_built_with_the_builds_last_lines_and_drops_the_stamp()
    {
        var project = root.Write("src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        var inputs = Compile(project);
        root.Write(".nuke/temp/restore.stamp", "stale");
        var tools = new FakeTools(_ => (1, "src/A/B.cs(3,1): error CS1002: ; expected"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new CompileStep(tools.Runner, _ => { }).RunAsync(inputs, CancellationToken.None));

        Assert.Equal("dotnet build A.slnx exited 1:\nsrc/A/B.cs(3,1): error CS1002: ; expected", error.Message.TrimEnd());
        var build = Assert.Single(tools.Runs);
        Assert.False(build.Arguments.Contains("--no-restore"), build.CommandLine);
        Assert.False(File.Exists(inputs.StampFile));
    }

    [Fact]
    public async Task The_pull_request_step_measures_the_changed_lines_git_reports_against_the_runs_coverage()
    {
        // src/A.cs lines 2 and 3 changed; the merged coverage has line 2 hit and line 3 not: 50 % of the changed lines.
        var cobertura = root.Write("artifacts/coverage/Cobertura.xml", $"""
            <coverage><sources><source>{root.Path}</source></sources><packages><package name="A"><classes>
              <class name="A" filename="src/A.cs"><lines><line number="1" hits="1"/><line number="2" hits="3"/><line number="3" hits="0"/></lines></class>
            </classes></package></packages></coverage>
            """);
        var tools = new FakeTools(spec => spec.Arguments.Contains("merge-base")
            ? (0, "1111111111111111111111111111111111111111\n")
            : (0, "diff --git a/src/A.cs b/src/A.cs\n--- a/src/A.cs\n+++ b/src/A.cs\n@@ -2,0 +2,2 @@\n+x\n+y\n"));
        var warned = new List<string>();
        var inputs = new PullRequestInputs
        {
            Root = root.Path,
            Commit = "2222222222222222222222222222222222222222",
            Cobertura = cobertura,
            BaseEvidence = null,
            BaseEvidenceGiven = false,
            BaseRef = "origin/main",
            ChangedLinesThreshold = 80,
            FailOnNew = false,
            Gates = [],
        };

        var result = await new PullRequestStep(tools.Runner, Bundle(), _ => { }, warned.Add).RunAsync(inputs, CancellationToken.None);

        Assert.True(result.Status == GateStatus.Failed, $"{result.Status}: {string.Join("; ", result.Reasons)}");
        Assert.Equal((2, 2, 1, 50), (result.Metrics["changedLines"], result.Metrics["changedCoverable"], result.Metrics["changedCovered"], result.Metrics["changedCoverage"]));
        Assert.Equal(["merge-base", "origin/main", "HEAD"], tools.Runs[0].Arguments);
        Assert.Contains("1111111111111111111111111111111111111111...HEAD", tools.Runs[1].Arguments);
        Assert.StartsWith("No base bundle:", Assert.Single(warned), StringComparison.Ordinal);
    }

    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    // A shard's bundle with its Coverage gate's merged Cobertura file, as a shard of a split run writes it.
    private string CoverageShard(int index, int hits)
    {
        var reports = root.Write($"shard{index}-reports/Cobertura.xml", $"""
            <coverage><sources><source>/agent{index}/work</source></sources><packages><package name="A"><classes>
              <class name="A" filename="src/A.cs"><lines><line number="{index}" hits="{hits}"/></lines></class>
            </classes></package></packages></coverage>
            """);
        var path = Path.Combine(root.Path, $"shard{index}");
        var bundle = new BundleWriter(path) { Shard = new ShardRecord { Index = index, Total = 2 } };
        bundle.AddReportDirectory("Coverage", Path.GetDirectoryName(reports)!);
        bundle.RecordGate(EvidenceFixture.Gate("Coverage", GateStatus.Passed) with { Commands = ["reportgenerator -reports:x"] }, TimeSpan.FromSeconds(1));
        EvidenceWriter.Write(bundle, EvidenceFixture.Run("succeeded") with { Commit = Commit });
        return path;
    }

    [Fact]
    public async Task Merging_shards_runs_reportgenerator_through_the_hook_and_records_the_shards_commands_and_its_own()
    {
        var tools = new FakeTools(spec =>
        {
            // ReportGenerator given the shards' files: one merged file, both lines, one hit.
            var target = Directory.CreateDirectory(FakeTools.Valued(spec, "-targetdir:")).FullName;
            var shards = FakeTools.Valued(spec, "-reports:").Split(';');
            File.WriteAllText(Path.Combine(target, "Cobertura.xml"), $"""
                <coverage lines-valid="{shards.Length}" lines-covered="1"><packages><package name="A"><classes><class name="A" filename="src/A.cs"><lines>
                <line number="1" hits="1"/><line number="2" hits="0"/></lines></class></classes></package></packages></coverage>
                """);
            return (0, "");
        });
        var hooks = ToolHooks.None.With<ReportGeneratorSettings>(s => s.AddArguments("-title:merged"));
        var coverage = new CoverageInputs
        {
            Root = root.Path,
            TestResultsDirectory = "",
            ReportDirectory = Path.Combine(root.Path, "artifacts", "coverage"),
            Configuration = "Release",
            Policy = new CoveragePolicy(70, null, 0.5),
            ReportGenerator = new PinnedTool(Path.Combine(root.Path, "tools"), "5.6.0", "reportgenerator"),
        };
        var inputs = new MergeInputs
        {
            Root = root.Path,
            Bundles = ShardBundles.Read([CoverageShard(1, 1), CoverageShard(2, 0)], Commit),
            WorkDirectory = Path.Combine(root.Path, ".nuke", "temp", "merge"),
            Coverage = coverage,
            Mutation = new MutationPolicy(70, true, null),
        };

        var (gates, _) = await new ShardMerge(tools.Runner, Bundle(), _ => { }, hooks).RunAsync(inputs, CancellationToken.None);

        var merged = Assert.Single(gates, g => g.Gate == "Coverage");
        Assert.True(merged.Status == GateStatus.Failed, $"{merged.Status}: {string.Join("; ", merged.Reasons)}");
        Assert.Equal(50, merged.Metrics["line"]);
        var run = Assert.Single(tools.Runs);
        Assert.Equal(2, FakeTools.Valued(run, "-reports:").Split(';').Length);
        Assert.Equal("-title:merged", run.Arguments[^1]);
        Assert.Equal(["shard 1/2: reportgenerator -reports:x", "shard 2/2: reportgenerator -reports:x"], merged.Commands.Take(2));
        Assert.EndsWith("-title:merged", Assert.Single(merged.Commands.Skip(2)), StringComparison.Ordinal);
    }
}
