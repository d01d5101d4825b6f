using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Stryker;

namespace Tollgate.Gates.Mutation;

/// <summary>Runs Stryker once per mutated project, with Tollgate's own config file and output directory.</summary>
public sealed class MutationRunner(ProcessRunner runner)
{
    /// <summary>Runs Stryker on <paramref name="project"/> and reads its report.</summary>
    /// <param name="stryker">The installed <c>dotnet-stryker</c>.</param>
    /// <param name="root">The repository root (paths in the result are relative to it).</param>
    /// <param name="project">The project to mutate (full path).</param>
    /// <param name="config">The run's settings.</param>
    /// <param name="output">Tollgate's output directory for this project; emptied first.</param>
    /// <param name="cancellation">Stops Stryker.</param>
    public async Task<MutationRun> RunAsync(string stryker, string root, string project, StrykerConfig config, string output, CancellationToken cancellation)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(output);
        var configFile = Path.Combine(output, "stryker-config.json");
        config.Write(configFile);
        var result = await runner.RunAsync(
            new ProcessSpec(stryker, StrykerTool.Arguments(configFile, output), Path.GetDirectoryName(project)!, TimeSpan.FromHours(3)),
            cancellation).ConfigureAwait(false);
        var report = Path.Combine(output, StrykerTool.ReportPath);
        var relative = PortablePath.Relative(root, project);
        if (!File.Exists(report))
        {
            return new MutationRun(relative, result.ExitCode, null, result.Tail(10));
        }

        var mutants = MutationReportReader.Read(report)
            .Select(m => m with { File = PortablePath.Relative(root, m.File) })
            .ToList();
        return new MutationRun(relative, result.ExitCode, mutants, result.ExitCode is 0 or StrykerTool.BelowBreak ? null : result.Tail(10));
    }
}
