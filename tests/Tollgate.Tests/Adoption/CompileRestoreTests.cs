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

    [Fact]
    public async Task A_selection_of_projects_builds_with_the_solutions_own_properties_and_a_failure_names_what_was_built()
    {
        using var sample = new SampleRepository();
        // What real repositories do: a file found through $(SolutionDir), here checked before every build of a project.
        sample.Write("Directory.Build.targets", """
            <Project>
              <Target Name="NeedsTheIcon" BeforeTargets="Build">
                <Error Condition="!Exists('$(SolutionDir)img/icon.png')" Text="$(SolutionDir)img/icon.png is missing ($(SolutionName))" />
              </Target>
            </Project>
            """);

        var missing = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Compile", "--projects", "src/*"]);

        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains("dotnet build .nuke/temp/selection/Sample.selected.slnx (the projects chosen from Sample.slnx) exited 1", missing.Error + missing.Output, StringComparison.Ordinal);
        Assert.Contains($"{sample.Root}/img/icon.png is missing (Sample)", missing.Error + missing.Output, StringComparison.Ordinal);

        sample.Write("img/icon.png", "png");
        var found = await HostRun.RunAsync<SampleBuild>(sample.Root, ["Compile", "--projects", "src/*"]);

        Assert.True(found.ExitCode == ExitCodes.Success, found.Output + found.Error);
    }
}
