using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Gates;
using Tollgate.Gates.Coverage;
using Tollgate.Gates.Mutation;
using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Gates;

/// <summary>
/// <c>--stryker-executable</c> and <c>--report-generator-executable</c>: a program the build names runs in place of the pinned
/// tool, gets that tool's settings, and is recorded in the evidence. Each test gives a stand-in script that answers as the tool
/// does (its report where the gate reads it, its exit code) and logs its arguments.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GivenToolTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private static ProcessRunner Runner() => new(new BuildLog(TextWriter.Null, TextWriter.Null, Verbosity.Normal, new SecretMasker()));

    private string Calls => Path.Combine(root.Path, "calls.log");

    private string StandIn(string name, string body)
    {
        var path = Path.Combine(root.Path, "stand-ins", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"#!/usr/bin/env bash\nprintf '%s\\n' \"$*\" >> '{Calls}'\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private CoverageInputs Coverage(string? reportGenerator)
    {
        root.Write("artifacts/test-results/run/coverage.cobertura.xml", "<coverage />\n");
        return new CoverageInputs
        {
            Root = root.Path,
            TestResultsDirectory = Path.Combine(root.Path, "artifacts", "test-results"),
            ReportDirectory = Path.Combine(root.Path, "artifacts", "coverage"),
            Configuration = "Release",
            Policy = new CoveragePolicy(70, null, 0.5),
            ReportGenerator = new PinnedTool(Path.Combine(root.Path, "tools"), "5.6.0", reportGenerator),
        };
    }

    [Fact]
    public async Task A_given_reportgenerator_merges_with_the_tools_settings_and_the_evidence_names_it()
    {
        // ReportGenerator's -targetdir:<dir> is where the merged Cobertura file goes: 10 lines, 7 of them hit.
        var lines = string.Concat(Enumerable.Range(1, 10).Select(n => $"<line number=\"{n}\" hits=\"{(n <= 7 ? 1 : 0)}\"/>"));
        var merged = $"<coverage><packages><package name=\"A\"><classes><class name=\"A.B\" filename=\"src/B.cs\"><lines>{lines}</lines></class></classes></package></packages></coverage>";
        var standIn = StandIn("merge", $$"""
            for a in "$@"; do case "$a" in -targetdir:*) dir=${a#-targetdir:};; esac; done
            mkdir -p "$dir"
            printf '%s\n' '{{merged}}' > "$dir/Cobertura.xml"
            """);
        var hooks = ToolHooks.None.With<ReportGeneratorSettings>(s => s with { Arguments = ["-tag:from-settings"] });

        var result = await new CoverageStep(Runner(), new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence")), hooks).RunAsync(Coverage(standIn), CancellationToken.None);

        Assert.True(result.Status == GateStatus.Passed, $"{result.Status}: {string.Join("; ", result.Reasons)}");
        Assert.Equal(70, result.Metrics["line"]);
        Assert.Equal($"given: {standIn}", result.Tools["dotnet-reportgenerator-globaltool"]);
        var call = Assert.Single(File.ReadAllLines(Calls));
        Assert.EndsWith(" -tag:from-settings", call, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root.Path, "tools")), "the pinned tool was not installed");
    }

    [Fact]
    public async Task A_given_path_that_is_no_file_is_named_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            new CoverageStep(Runner(), new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence"))).RunAsync(Coverage("tools/missing-reportgenerator"), CancellationToken.None));

        Assert.Equal(
            $"--report-generator-executable tools/missing-reportgenerator: no such file ({Path.Combine(root.Path, "tools", "missing-reportgenerator")}); give the path of the program, or leave --report-generator-executable out to use the pinned dotnet-reportgenerator-globaltool 5.6.0.",
            error.Message);
    }

    [Fact]
    public async Task A_given_stryker_reports_and_its_mutants_are_scored_as_strykers_would_be()
    {
        var library = Path.Combine(root.Path, "src", "Lib", "Lib.csproj");
        var tests = Path.Combine(root.Path, "tests", "Lib.Tests", "Lib.Tests.csproj");
        root.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        root.Write("tests/Lib.Tests/Lib.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        // Stryker's --output <dir> gets reports/mutation-report.json; 3 killed, 1 survived: 75 %. Below break it exits 2.
        var mutant = """{"id":"ID","mutatorName":"Arithmetic","status":"STATUS","location":{"start":{"line":1,"column":1},"end":{"line":1,"column":2}}}""";
        var mutants = string.Join(",", new[] { "Killed", "Killed", "Killed", "Survived" }.Select((s, i) => mutant.Replace("ID", $"{i}", StringComparison.Ordinal).Replace("STATUS", s, StringComparison.Ordinal)));
        var report = "{\"schemaVersion\":\"2\",\"files\":{\"src/Lib/A.cs\":{\"language\":\"cs\",\"source\":\"x\",\"mutants\":[" + mutants + "]}}}";
        var standIn = StandIn("mutate", $"""
            while [ $# -gt 0 ]; do case "$1" in --output) out=$2; shift 2;; *) shift;; esac; done
            mkdir -p "$out/reports"
            printf '%s\n' '{report}' > "$out/reports/mutation-report.json"
            """);
        ProjectInfo[] built =
        [
            new(library, "net10.0", false, Path.Combine(root.Path, "src", "Lib", "bin", "Lib.dll"), "", "10.0.100"),
            new(tests, "net10.0", true, Path.Combine(root.Path, "tests", "Lib.Tests", "bin", "Lib.Tests.dll"), "", "10.0.100", false, [library]),
        ];
        var inputs = new MutationInputs
        {
            Scope = new BuildScope(root.Path, built, Path.Combine(root.Path, "Lib.slnx"), "Release", []),
            Choice = new MutationChoice([], null, [], null, "Lib"),
            Policy = new MutationPolicy(70, false, null),
            Run = new MutationRunOptions(1, 1000, Path.Combine(root.Path, "t.targets"), Path.Combine(root.Path, "artifacts", "mutation")),
            Stryker = new PinnedTool(Path.Combine(root.Path, "tools"), "5.1.0", standIn),
        };
        var hooks = ToolHooks.None.With<StrykerSettings>(s => s with { Arguments = ["--log-to-file"] });

        var result = await new MutationStep(Runner(), new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence")), _ => { }, _ => { }, hooks).RunAsync(inputs, CancellationToken.None);

        Assert.True(result.Status == GateStatus.Passed, $"{result.Status}: {string.Join("; ", result.Reasons)}");
        Assert.Equal(75, result.Metrics["score"]);
        Assert.Equal($"given: {standIn}", result.Tools["dotnet-stryker"]);
        Assert.EndsWith(" --log-to-file", Assert.Single(File.ReadAllLines(Calls)), StringComparison.Ordinal);
    }
}
