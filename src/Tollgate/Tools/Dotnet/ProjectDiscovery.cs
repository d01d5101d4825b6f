namespace Tollgate.Tools.Dotnet;

/// <summary>Finds the projects of a solution and which of them are test projects, by asking MSBuild.</summary>
public sealed class ProjectDiscovery(ProcessRunner runner)
{
    /// <summary>The projects of <paramref name="solutionOrProject"/> (a project is its own only project).</summary>
    public async Task<IReadOnlyList<string>> ProjectsAsync(string solutionOrProject, CancellationToken cancellation)
    {
        if (!IsSolution(solutionOrProject))
        {
            return [Path.GetFullPath(solutionOrProject)];
        }

        var listing = await runner.RunAsync(
            new ProcessSpec(DotnetCli.Program, DotnetCli.ListProjects(solutionOrProject), Path.GetDirectoryName(solutionOrProject)!, TimeSpan.FromMinutes(2), InstallHint: DotnetCli.InstallHint),
            cancellation).ConfigureAwait(false);
        if (!listing.Succeeded)
        {
            throw new InvalidDataException($"dotnet sln list {solutionOrProject} failed: {listing.Tail(5)}");
        }

        return SolutionProjects.Parse(listing.Output, Path.GetDirectoryName(solutionOrProject)!);
    }

    /// <summary>The projects whose MSBuild property <c>IsTestProject</c> is true (evaluated after restore, so package props count).</summary>
    public async Task<IReadOnlyList<string>> TestProjectsAsync(string solutionOrProject, string configuration, CancellationToken cancellation)
    {
        var projects = await ProjectsAsync(solutionOrProject, cancellation).ConfigureAwait(false);
        var checks = projects.Select(async project =>
        {
            var answer = await runner.RunAsync(
                new ProcessSpec(DotnetCli.Program, DotnetCli.GetProperties(project, configuration, ["IsTestProject"]), Path.GetDirectoryName(project)!, TimeSpan.FromMinutes(2), InstallHint: DotnetCli.InstallHint),
                cancellation).ConfigureAwait(false);
            return (project, isTest: answer.Succeeded && MsBuildProperties.Parse(answer.Output, ["IsTestProject"])["IsTestProject"].Equals("true", StringComparison.OrdinalIgnoreCase));
        });
        var answers = await Task.WhenAll(checks).ConfigureAwait(false);
        return answers.Where(a => a.isTest).Select(a => a.project).ToList();
    }

    /// <summary>True for <c>.sln</c> and <c>.slnx</c> files.</summary>
    public static bool IsSolution(string path) =>
        path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);
}
