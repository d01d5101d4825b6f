using Tollgate.Engine;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// Builds the solution once (with a compiler log per project for Lint); every later step uses <c>--no-build</c>.
/// The restore is skipped while its inputs are as they were at the last one (<see cref="RestoreStamp"/>).
/// </summary>
public interface ICompile : IHazSolution
{
    /// <summary>Where the build writes each project's facts for the gates (cleared before every build).</summary>
    AbsolutePath BuildInfoDirectory => RootDirectory / ".nuke" / "temp" / "build-info";

    /// <summary>Builds the solution.</summary>
    Target Compile => _ => _
        .Description("Build the solution once")
        .Executes(async context =>
        {
            var solution = SolutionFile;
            var buildTargets = BuildTargetsFile.WriteTo(RootDirectory / ".nuke" / "temp");
            if (Directory.Exists(BuildInfoDirectory))
            {
                Directory.Delete(BuildInfoDirectory, recursive: true);
            }

            var projects = SolutionProjects.Of(solution);
            var stampFile = RootDirectory / ".nuke" / "temp" / "restore.stamp";
            var restored = RestoreStamp.Holds(stampFile, RestoreStamp.Current(RootDirectory, projects, Configuration, CheckedMSBuildProperties));
            var result = await BuildAsync(solution, buildTargets, restore: !restored, context.Cancellation).ConfigureAwait(false);
            if (!result.Succeeded && restored)
            {
                context.Log.Info("The build without a restore failed; building again with the restore.");
                result = await BuildAsync(solution, buildTargets, restore: true, context.Cancellation, force: true).ConfigureAwait(false);
            }

            if (!result.Succeeded)
            {
                File.Delete(stampFile);
                throw new TargetFailedException($"dotnet build {solution.RelativeTo(RootDirectory)} exited {result.ExitCode}:\n{result.Tail(25)}");
            }

            if (RestoreStamp.Current(RootDirectory, projects, Configuration, CheckedMSBuildProperties) is { } stamp)
            {
                File.WriteAllText(stampFile, stamp);
            }

            context.Headline = $"built {solution.Name} ({Configuration})";
        });

    // force: resolve every dependency again, as after a restore Tollgate wrongly thought still held.
    private Task<ProcessResult> BuildAsync(AbsolutePath solution, string buildTargets, bool restore, CancellationToken cancellation, bool force = false) =>
        ProcessRunner.RunAsync(
            new ProcessSpec(
                DotnetCli.Program,
                [.. DotnetCli.Build(solution, Configuration, buildTargets, BuildInfoDirectory, CheckedMSBuildProperties), .. restore ? Array.Empty<string>() : ["--no-restore"], .. force ? ["--force"] : Array.Empty<string>()],
                RootDirectory,
                InstallHint: DotnetCli.InstallHint),
            cancellation);
}
