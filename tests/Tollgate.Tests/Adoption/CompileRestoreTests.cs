using Tollgate.Engine;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Adoption;

/// <summary>Compile skips NuGet's restore while its inputs are unchanged, restores when one changed, and recovers when a skipped restore was wrong.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(GateRunsCollection))]
public sealed class CompileRestoreTests
{
    private static int Builds(HostRun run, bool restoring) =>
        run.Output.Split('\n').Count(l => l.StartsWith("> dotnet build ", StringComparison.Ordinal) && l.Contains("--no-restore", StringComparison.Ordinal) != restoring);

    [Fact]
    public async Task The_restore_runs_only_when_an_input_changed_and_a_wrong_skip_is_built_again_with_it()
    {
        using var sample = new SampleRepository();

        var first = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Compile"]);
        var second = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Compile"]);
        sample.Write("Directory.Build.props", sample.Read("Directory.Build.props").Replace("</PropertyGroup>", "  <Deterministic>true</Deterministic>\n  </PropertyGroup>", StringComparison.Ordinal));
        var changed = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Compile"]);
        var assets = Path.Combine(sample.Root, "src", "Sample", "obj", "project.assets.json");
        var written = File.GetLastWriteTimeUtc(assets);
        File.WriteAllText(assets, "{ \"version\": 3 }");
        File.SetLastWriteTimeUtc(assets, written); // the stamp still holds, the assets are wrong
        foreach (var cache in Directory.GetFiles(Path.GetDirectoryName(assets)!, "*.assets.cache", SearchOption.AllDirectories))
        {
            File.Delete(cache);
        }
        var recovered = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Compile"]);

        Assert.All(new[] { first, second, changed, recovered }, run => Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error));
        Assert.Equal((1, 0), (Builds(first, restoring: true), Builds(first, restoring: false)));
        Assert.Equal((0, 1), (Builds(second, restoring: true), Builds(second, restoring: false)));
        Assert.Equal((1, 0), (Builds(changed, restoring: true), Builds(changed, restoring: false)));
        Assert.Equal((1, 1), (Builds(recovered, restoring: true), Builds(recovered, restoring: false)));
        Assert.Contains("The build without a restore failed; building again with the restore.", recovered.Output, StringComparison.Ordinal);
    }
}
