using Tollgate.Engine;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>Builds the solution once (with a compiler log per project for Lint); every later step uses <c>--no-build</c>.</summary>
public interface ICompile : IHazSolution
{
    /// <summary>Builds the solution.</summary>
    Target Compile => _ => _
        .Description("Build the solution once")
        .Executes(async context =>
        {
            var solution = SolutionFile;
            var lintTargets = LintTargetsFile.WriteTo(RootDirectory / ".nuke" / "temp");
            var result = await ProcessRunner.RunAsync(
                new ProcessSpec(DotnetCli.Program, DotnetCli.Build(solution, Configuration, lintTargets, CheckedMSBuildProperties), RootDirectory, InstallHint: DotnetCli.InstallHint),
                context.Cancellation).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new TargetFailedException($"dotnet build {solution.RelativeTo(RootDirectory)} exited {result.ExitCode}:\n{result.Tail(25)}");
            }

            context.Headline = $"built {solution.Name} ({Configuration})";
        });
}
