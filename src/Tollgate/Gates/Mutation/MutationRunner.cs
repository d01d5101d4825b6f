using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Stryker;

namespace Tollgate.Gates.Mutation;

/// <summary>Runs Stryker once per mutated project, with Tollgate's own config file and output directory.</summary>
internal sealed class MutationRunner(ProcessRunner runner, Action<string> say, ToolHooks? hooks = null)
{
    /// <summary>How often a long run says how far it is.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(30);

    /// <summary>Runs Stryker on <paramref name="project"/> and reads its report.</summary>
    /// <param name="stryker">The installed <c>dotnet-stryker</c>.</param>
    /// <param name="root">The repository root (paths in the result are relative to it).</param>
    /// <param name="project">The project to mutate (full path).</param>
    /// <param name="config">The run's settings.</param>
    /// <param name="output">Tollgate's output directory for this project; emptied first.</param>
    /// <param name="cancellation">Stops Stryker.</param>
    /// <param name="properties">The build's extra MSBuild properties (<c>Name=Value</c>), handed to every build Stryker starts.</param>
    /// <param name="buildTargets">The run's build targets file: Stryker's analysis then keeps the build's outputs and its build finds them up to date.</param>
    public async Task<MutationRun> RunAsync(
        string stryker, string root, string project, StrykerConfig config, string output, IReadOnlyList<string> properties, string buildTargets, CancellationToken cancellation)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(output);
        var configFile = Path.Combine(output, "stryker-config.json");
        config.Write(configFile);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new MutationProgress(() => clock.Elapsed, path => InScope(config.Mutate, path));
        var name = Path.GetFileNameWithoutExtension(project);
        using var ticker = new Timer(_ => say(progress.Describe(name)), null, ProgressInterval, ProgressInterval);
        var settings = (hooks ?? ToolHooks.None).Apply(new StrykerSettings { Project = project, ConfigFile = configFile, Output = output });
        var result = await runner.RunAsync(
            settings.ToProcess(
                stryker, Path.GetDirectoryName(project)!, TimeSpan.FromHours(3), PropertyEnvironment.Environment(properties, output, buildTargets), onOutput: progress.Observe),
            cancellation).ConfigureAwait(false);
        var report = Path.Combine(output, StrykerTool.ReportPath);
        var relative = PortablePath.Relative(root, project);
        if (!File.Exists(report))
        {
            return new MutationRun(relative, result.ExitCode, null, Cause(result));
        }

        var mutants = MutationReportReader.Read(report)
            .Select(m => m with { File = PortablePath.Relative(root, m.File) })
            .ToList();
        return new MutationRun(relative, result.ExitCode, mutants, result.ExitCode is 0 or StrykerTool.BelowBreak ? null : Cause(result));
    }

    /// <summary>Whether Stryker mutates <paramref name="path"/> under <paramref name="patterns"/>, matched as Stryker does: relative to its project, the nearest folder above it with a project file.</summary>
    internal static bool InScope(IReadOnlyList<string> patterns, string path)
    {
        if (patterns.Count == 0)
        {
            return true;
        }

        for (var folder = Path.GetDirectoryName(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.csproj").Any())
            {
                return StrykerGlob.Mutated(patterns, Path.GetRelativePath(folder, path).Replace('\\', '/'));
            }
        }

        return true;
    }

    /// <summary>
    /// The lines of Stryker's output that name why it failed — MSBuild and NuGet errors (NU1102, NETSDK1045, CS…),
    /// Stryker's own errors — whole and first; its last lines when none does.
    /// </summary>
    public static string Cause(ProcessResult result)
    {
        var lines = (result.Output + "\n" + result.Error).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        var causes = lines
            .Where(l => l.Contains(" error ", StringComparison.Ordinal) || l.Contains("[ERR]", StringComparison.Ordinal) || l.Contains(" ERR]", StringComparison.Ordinal)
                || l.Contains("error NU", StringComparison.Ordinal) || l.Contains("error NETSDK", StringComparison.Ordinal) || l.Contains("error CS", StringComparison.Ordinal)
                || l.Contains("Exception:", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .Distinct(StringComparer.Ordinal)
            .Take(5)
            .ToList();
        return causes.Count > 0 ? string.Join(" | ", causes) : result.Tail(10).Trim();
    }
}
