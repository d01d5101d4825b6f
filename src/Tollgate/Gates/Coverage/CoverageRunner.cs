using Tollgate.Tools;
using Tollgate.Tools.ReportGenerator;

namespace Tollgate.Gates.Coverage;

/// <summary>Merges the Test run's coverage files with ReportGenerator into one Cobertura file, summaries and HTML.</summary>
internal sealed class CoverageRunner(ProcessRunner runner, ToolHooks? hooks = null)
{
    /// <summary>The file name coverlet's collector writes.</summary>
    public const string CollectorFile = Tools.Cobertura.CoverletFile.Name;

    /// <summary>
    /// The coverage files under the Test run's results directory, without the copies the TRX logger keeps of
    /// its attachments (<c>&lt;run&gt;/In/&lt;machine&gt;/</c>): each is the same file once more.
    /// </summary>
    public static IReadOnlyList<string> CollectedFiles(string testResultsDirectory) =>
        Directory.Exists(testResultsDirectory)
            ? Directory.GetFiles(testResultsDirectory, CollectorFile, SearchOption.AllDirectories)
                .Where(file => !Path.GetRelativePath(testResultsDirectory, file).Split(Path.DirectorySeparatorChar).Contains("In"))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>Runs ReportGenerator into <paramref name="reportDirectory"/> (emptied first) and returns the merged Cobertura file.</summary>
    public async Task<string> MergeAsync(
        string reportGenerator, IReadOnlyList<string> coverageFiles, string reportDirectory,
        IReadOnlyList<string> assemblyFilters, IReadOnlyList<string> fileFilters, string workingDirectory, CancellationToken cancellation)
    {
        if (Directory.Exists(reportDirectory))
        {
            Directory.Delete(reportDirectory, recursive: true);
        }

        var settings = (hooks ?? ToolHooks.None).Apply(new ReportGeneratorSettings
        {
            Reports = coverageFiles,
            TargetDirectory = reportDirectory,
            AssemblyFilters = assemblyFilters,
            FileFilters = fileFilters,
        });
        var result = await runner.RunAsync(settings.ToProcess(reportGenerator, workingDirectory, TimeSpan.FromMinutes(20)), cancellation).ConfigureAwait(false);
        var merged = Path.Combine(reportDirectory, ReportGeneratorTool.CoberturaFile);
        if (!result.Succeeded || !File.Exists(merged))
        {
            throw new InvalidDataException($"ReportGenerator did not merge the coverage (exit {result.ExitCode}): {result.Tail(8)}");
        }

        return merged;
    }
}
