using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Host;

[Trait("Category", "Integration")]
public class BuildHostTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private string Evidence => Path.Combine(root.Path, "artifacts", "evidence");

    [Fact]
    public async Task Help_lists_targets_with_default_mark_and_parameters_with_value_and_source()
    {
        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["--help"], new() { ["TOLLGATE_NEEDED"] = "yes" }, defaultTarget: "Gate");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("*Gate", run.Output, StringComparison.Ordinal);
        Assert.Contains("A gate that passes unless --break", run.Output, StringComparison.Ordinal);
        Assert.Contains("Everything", run.Output, StringComparison.Ordinal);
        Assert.Contains("(after Gate, Unbuilt)", run.Output, StringComparison.Ordinal);
        Assert.Contains("--break <bool>", run.Output, StringComparison.Ordinal);
        Assert.Contains("now: yes (from environment variable TOLLGATE_NEEDED)", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Evidence), "--help writes no evidence");
    }

    [Fact]
    public async Task Plan_prints_the_order_without_running_anything()
    {
        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Everything", "--plan"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("1. Gate", run.Output, StringComparison.Ordinal);
        Assert.Contains("2. Unbuilt", run.Output, StringComparison.Ordinal);
        Assert.Contains("3. Everything  (requested, collective)", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Evidence));
    }

    [Fact]
    public async Task Unknown_target_exits_2_names_the_closest_and_writes_no_bundle()
    {
        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Gat"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Unknown target 'Gat'. Did you mean: Gate?", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root.Path, "artifacts")), "nothing ran, so no bundle may be written or moved");
    }

    [Fact]
    public async Task Without_a_root_marker_the_error_says_how_to_make_one()
    {
        using var bare = new TempDirectory(withNuke: false);

        var run = await HostRun.RunAsync<HostBuild>(bare.Path, ["Gate"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("No .nuke/ directory", run.Error, StringComparison.Ordinal);
        Assert.Contains("--root", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_is_found_from_a_subdirectory()
    {
        var nested = Path.Combine(root.Path, "src", "deep");
        Directory.CreateDirectory(nested);

        var run = await HostRun.RunAsync<HostBuild>(nested, ["Gate"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(Evidence, "manifest.json")));
    }

    [Fact]
    public async Task Unmet_requirement_runs_nothing_and_exits_2()
    {
        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Gate", "Guarded"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Guarded requires () => Needed != null", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("═══ Gate", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passing_run_exits_0_with_a_summary_table_and_evidence()
    {
        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Gate"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"Gate\s+Succeeded\s+[\d.]+ s\s+0 violations", run.Output);
        Assert.Contains("Build succeeded", run.LastLine, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Evidence, "gates", "sample.json")));
    }

    [Fact]
    public async Task A_failing_gate_exits_1_and_a_gate_that_throws_still_ends_with_an_error_document()
    {
        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Everything", "--break"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("Unbuilt gate error: NullReferenceException: a report held a null", run.Error, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Evidence, "manifest.json")));
        var gates = manifest.RootElement.GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!, g => g.GetProperty("status").GetString());
        Assert.Equal("failed", gates["Sample"]);
        Assert.Equal("error", gates["Unbuilt"]);
        Assert.True(File.Exists(Path.Combine(Evidence, "gates", "unbuilt.json")));
        Assert.Equal("failed", manifest.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_bad_parameter_value_exits_2_and_names_the_value()
    {
        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Gate", "--break", "maybe"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Parameter --break from --break: 'maybe' is not valid; expected true or false", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Secrets_are_masked_in_output_and_absent_from_evidence()
    {
        const string secret = "tok-9f8e7d6c5b";

        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Talk", "--token", secret]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("the token is ***", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(Evidence, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(secret, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_schema_lists_targets_and_parameters()
    {
        await HostRun.RunAsync<HostBuild>(root.Path, ["--help"]);

        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.Path, ".nuke", "build.schema.json")));
        var properties = schema.RootElement.GetProperty("properties");
        Assert.Equal("boolean", properties.GetProperty("Break").GetProperty("type").GetString());
        Assert.Contains("Everything", properties.GetProperty("Target").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_parameters_file_that_matches_the_schema_is_accepted()
    {
        root.Write(".nuke/parameters.json", """{ "$schema": "./build.schema.json", "Break": true }""");

        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Gate"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("Sample gate failed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_passes_on_a_fresh_bundle_and_leaves_it_alone()
    {
        await HostRun.RunAsync<HostBuild>(root.Path, ["Gate"]);
        var before = File.ReadAllText(Path.Combine(Evidence, "manifest.json"));

        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Verify"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("verifies", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(Evidence, "manifest.json")));
    }

    [Fact]
    public async Task Verify_fails_naming_the_altered_file()
    {
        await HostRun.RunAsync<HostBuild>(root.Path, ["Gate"]);
        File.AppendAllText(Path.Combine(Evidence, "summary.md"), "tampered");

        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Verify"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("altered: summary.md", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Earlier_bundles_are_kept_newest_first_up_to_the_history_length()
    {
        await HostRun.RunAsync<HostBuild>(root.Path, ["Gate", "--break"]);
        await HostRun.RunAsync<HostBuild>(root.Path, ["Gate"]);
        await HostRun.RunAsync<HostBuild>(root.Path, ["Gate", "--break"]);
        await HostRun.RunAsync<HostBuild>(root.Path, ["Gate", "--evidence-history", "2"]);

        Assert.Contains("\"passed\"", File.ReadAllText(Path.Combine(Evidence, "gates", "sample.json")), StringComparison.Ordinal);
        Assert.Contains("\"failed\"", File.ReadAllText(Path.Combine(Evidence + ".previous.1", "gates", "sample.json")), StringComparison.Ordinal);
        Assert.Contains("\"passed\"", File.ReadAllText(Path.Combine(Evidence + ".previous.2", "gates", "sample.json")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Evidence + ".previous.3"), "with --evidence-history 2 the third-newest bundle falls off");
        Assert.Empty(Directory.GetDirectories(Path.Combine(root.Path, "artifacts"), "evidence.staging*"));
    }

    [Fact]
    public async Task A_run_whose_evidence_cannot_be_written_fails_and_its_last_lines_say_so_not_build_succeeded()
    {
        await HostRun.RunAsync<HostBuild>(root.Path, ["Gate"]);
        var kept = File.ReadAllText(Path.Combine(Evidence, "manifest.json"));
        // Where the new bundle would be staged, something that is not a folder: the write fails as on a full or read-only disk.
        File.WriteAllText(Path.Combine(root.Path, "artifacts", $"evidence.staging.{Environment.ProcessId}"), "not a folder");

        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Gate"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("Could not write the run's evidence", run.Error, StringComparison.Ordinal);
        Assert.Contains("Build failed in ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Build succeeded", run.Output, StringComparison.Ordinal);
        Assert.Equal(kept, File.ReadAllText(Path.Combine(Evidence, "manifest.json"))); // the old bundle stays
    }

    [Fact]
    public async Task Cancellation_aborts_with_exit_130_and_still_writes_evidence()
    {
        using var cancelled = new CancellationTokenSource();
        var host = new HostEnvironment(root.Path, new Dictionary<string, string>(), new StringWriter(), new StringWriter(), HandleSignals: false);

        var run = BuildHost.RunAsync<SlowHostBuild>(["Wait"], null, host, cancelled.Token);
        await SlowHostBuild.Waiting.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancelled.CancelAsync(); // while Wait runs, as Ctrl-C would
        var code = await run;

        Assert.Equal(ExitCodes.Aborted, code);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Evidence, "manifest.json")));
        Assert.Equal("aborted", manifest.RootElement.GetProperty("outcome").GetString());
    }

    public sealed class SlowHostBuild : TollgateBuild
    {
        /// <summary>Set once Wait runs (only the cancellation test runs this build).</summary>
        public static TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        Target Wait => _ => _.Executes(context =>
        {
            Waiting.TrySetResult();
            return Task.Delay(TimeSpan.FromMinutes(5), context.Cancellation);
        });
    }
}
