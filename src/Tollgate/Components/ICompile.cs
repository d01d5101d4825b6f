using Tollgate.Engine;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>Builds the solution once (with a compiler log per project for Lint); every later step uses <c>--no-build</c>.</summary>
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

            var result = await ProcessRunner.RunAsync(
                new ProcessSpec(DotnetCli.Program, DotnetCli.Build(solution, Configuration, buildTargets, BuildInfoDirectory, CheckedMSBuildProperties), RootDirectory, InstallHint: DotnetCli.InstallHint),
                context.Cancellation).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new TargetFailedException($"dotnet build {solution.RelativeTo(RootDirectory)} exited {result.ExitCode}:\n{result.Tail(25)}");
            }

            context.Headline = $"built {solution.Name} ({Configuration})";
        });
}
