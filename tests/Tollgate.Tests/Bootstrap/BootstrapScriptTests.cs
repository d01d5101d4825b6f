using System.Text.Json;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Bootstrap;

[CollectionDefinition(nameof(BootstrapCollection))]
public sealed class BootstrapCollection;

[Trait("Category", "Integration")]
[Collection(nameof(BootstrapCollection))]
public sealed class BootstrapScriptTests : IDisposable
{
    private readonly ConsumerRepository repository = new();

    public void Dispose() => repository.Dispose();

    [Fact]
    public async Task Builds_once_runs_with_every_argument_and_does_not_rebuild_when_nothing_changed()
    {
        var first = await repository.RunAsync("--name", "tollgate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("hello tollgate", first.Output, StringComparison.Ordinal);
        var built = File.GetLastWriteTimeUtc(repository.BuildOutput);

        var second = await repository.RunAsync("--help");

        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Say hello", second.Output, StringComparison.Ordinal);
        Assert.Equal(built, File.GetLastWriteTimeUtc(repository.BuildOutput));
    }

    [Fact]
    public async Task A_changed_build_source_is_rebuilt()
    {
        await repository.RunAsync("--plan");
        repository.Write("build/Build.cs", ConsumerRepository.BuildSource.Replace("hello {Name}", "howdy {Name}", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(Path.Combine(repository.Root, "build", "Build.cs"), DateTime.UtcNow.AddSeconds(2));

        var run = await repository.RunAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("howdy world", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_project_that_does_not_compile_exits_1_saying_so()
    {
        repository.Write("build/Build.cs", "this is not C#");

        var run = await repository.RunAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("did not compile", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_target_passes_exit_code_2_through()
    {
        var run = await repository.RunAsync("Helo");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown target 'Helo'. Did you mean: Hello?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigint_aborts_the_running_target_runs_assured_targets_and_writes_evidence()
    {
        await repository.RunAsync("--plan");
        Interop.RestoreIgnoredSigint();
        using var process = Shell.Start(repository.Root, "bash", ["build.sh", "Sleep", "Cleanup"]);
        var output = new System.Text.StringBuilder();
        var sleeping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data == "sleeping")
            {
                sleeping.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        await sleeping.Task.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, Interop.Kill(process.Id, Interop.Sigint));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("cleaned up", output.ToString(), StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(repository.Root, "artifacts", "evidence", "manifest.json")));
        Assert.Equal("aborted", manifest.RootElement.GetProperty("outcome").GetString());
        var targets = manifest.RootElement.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("status").GetString());
        Assert.Equal("aborted", targets["Sleep"]);
        Assert.Equal("succeeded", targets["Cleanup"]);
    }
}
