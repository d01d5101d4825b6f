using Tollgate.Gates.Cache;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Sarif;

namespace Tollgate.Gates.Lint;

/// <summary>Collects the compiler logs of the run's one build and runs <c>dotnet format --verify-no-changes</c>.</summary>
internal sealed class LintRunner(ProcessRunner runner, ToolHooks? hooks = null, CacheContext? cache = null)
{
    /// <summary>Reads every project's compiler log and the format report.</summary>
    /// <param name="root">The repository root (paths become relative to it).</param>
    /// <param name="solution">The solution or project.</param>
    /// <param name="built">What the build said of each project, with its compiler log.</param>
    /// <param name="reportDirectory">Where dotnet format writes its report; emptied first.</param>
    /// <param name="cancellation">Stops the tools.</param>
    /// <param name="properties">The build's extra MSBuild properties, handed to dotnet format's project loading.</param>
    public async Task<LintRun> RunAsync(
        string root, string solution, IReadOnlyList<ProjectInfo> built, string reportDirectory, IReadOnlyList<string> properties, CancellationToken cancellation)
    {
        var diagnostics = new List<LintDiagnostic>();
        var missing = new List<string>();
        var reports = new List<string>();
        foreach (var project in built)
        {
            if (!File.Exists(project.Sarif))
            {
                missing.Add(PortablePath.Relative(root, project.Project));
                continue;
            }

            reports.Add(project.Sarif);
            diagnostics.AddRange(SarifReader.Read(project.Sarif)
                .Where(r => !r.Suppressed && r.Level != "none")
                .Select(r => new LintDiagnostic(r.FilePath is null ? null : PortablePath.Relative(root, r.FilePath), r.Line, r.RuleId, r.Message, r.Level, "build")));
        }

        if (Directory.Exists(reportDirectory))
        {
            Directory.Delete(reportDirectory, recursive: true);
        }

        var cached = cache is null || cache.Cache.Mode == CacheMode.Off ? null : new LintCache(cache, root, built, properties);
        var reused = cached is null ? new Dictionary<string, CacheEntry>() : await cached.FindAsync(cancellation).ConfigureAwait(false);
        var report = Path.Combine(reportDirectory, FormatReport.FileName);
        var check = cached?.Projects.Where(p => !reused.ContainsKey(p)).ToList();
        if (check is null || check.Count > 0)
        {
            var settings = (hooks ?? ToolHooks.None).Apply(new DotnetFormatSettings
            {
                Target = solution,
                ReportDirectory = reportDirectory,
                Include = reused.Count == 0 || check is null ? [] : cached!.Include(check),
            });
            var format = await runner.RunAsync(
                settings.ToProcess(DotnetCli.Program, root, TimeSpan.FromMinutes(20), PropertyEnvironment.Environment(properties, reportDirectory + ".properties"), DotnetCli.InstallHint),
                cancellation).ConfigureAwait(false);
            if (format.ExitCode is not (0 or 2) || !File.Exists(report))
            {
                throw new InvalidDataException($"dotnet format did not check the code (exit {format.ExitCode}): {format.Tail(8)}");
            }

            if (cached is not null)
            {
                await cached.StoreAsync(check!, report, cancellation).ConfigureAwait(false);
            }
        }

        if (reused.Count > 0)
        {
            cached!.Combine(check!.Count > 0 ? report : null, reused, report);
        }

        reports.Add(report);
        diagnostics.AddRange(FormatReport.Read(report)
            .Select(c => new LintDiagnostic(PortablePath.Relative(root, c.FilePath), c.Line, c.DiagnosticId, c.Description, c.Severity, "format")));
        return new LintRun(diagnostics, missing, reports) { Reused = reused.Values.ToList() };
    }
}
