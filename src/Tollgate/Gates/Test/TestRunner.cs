using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Trx;

namespace Tollgate.Gates.Test;

/// <summary>
/// Runs <c>dotnet test --no-build</c> for each test project and framework (several at once), each into its own fresh
/// results directory: a VSTest project with loggers and a data collector, a Microsoft.Testing.Platform application
/// in <c>dotnet test</c>'s platform mode with the platform's options (<see cref="TestModes"/>).
/// </summary>
internal sealed class TestRunner(ProcessRunner runner, Action<string>? say = null)
{
    /// <summary>How often the progress of long runs is told.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(30);

    /// <summary>The TRX file each project writes.</summary>
    public const string TrxFileName = "results.trx";

    /// <summary>
    /// Runs every test project for each of its frameworks, side by side; the results directory is emptied first so no
    /// stale report can be read. The outcomes are in the order of <paramref name="runs"/>.
    /// </summary>
    /// <param name="root">The repository root (project paths in evidence are relative to it).</param>
    /// <param name="runs">The test projects and frameworks, each with its settings decided.</param>
    /// <param name="resultsDirectory">Where results go; emptied first.</param>
    /// <param name="modes">Where <c>dotnet test</c> runs for each platform.</param>
    /// <param name="cancellation">Stops the runs.</param>
    public async Task<IReadOnlyList<TestProjectOutcome>> RunAsync(
        string root, IReadOnlyList<TestRun> runs, string resultsDirectory, TestModes modes, CancellationToken cancellation)
    {
        var expected = runs.Sum(run => LastCount(resultsDirectory, run));
        if (Directory.Exists(resultsDirectory))
        {
            Directory.Delete(resultsDirectory, recursive: true);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new TestProgress(expected, () => clock.Elapsed);
        using var ticker = say is null ? null : new Timer(_ => say(progress.Describe()), null, ProgressInterval, ProgressInterval);

        // Runs go side by side, as many at once as there are processors, like dotnet test on a solution does.
        using var slots = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        return await Task.WhenAll(runs.Select(async run =>
        {
            await slots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                return await RunOneAsync(root, run, modes, progress, cancellation).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);
    }

    private async Task<TestProjectOutcome> RunOneAsync(string root, TestRun run, TestModes modes, TestProgress progress, CancellationToken cancellation)
    {
        var settings = run.Settings;
        var relative = PortablePath.Relative(root, run.Project);
        var directory = settings.ResultsDirectory;
        var workingDirectory = settings.Platform is { Application: { } application }
            ? Path.GetDirectoryName(application)!
            : modes.WorkingDirectory(settings.Platform is null ? TestPlatform.VSTest : TestPlatform.TestingPlatform);
        var result = await runner.RunAsync(
            settings.ToProcess(DotnetCli.Program, workingDirectory, installHint: DotnetCli.InstallHint, onOutput: progress.Observe), cancellation).ConfigureAwait(false);
        if (settings.Platform is not null)
        {
            CoverletFile.Normalise(directory);
        }

        var trx = Path.Combine(directory, settings.TrxFileName);
        TrxResults? results = null;
        if (File.Exists(trx))
        {
            try
            {
                results = TrxReader.Read(trx);
            }
            catch (InvalidDataException)
            {
                results = null; // judged as a crash: the run left no readable results
            }
        }

        var output = result.Output + "\n" + result.Error;
        var hung = settings.Platform is null ? HungTests.FromBlame(output, directory) : HungTests.FromHangDump(output);
        return new TestProjectOutcome(relative, result.ExitCode, results, result.Succeeded ? null : result.Tail(), run.Framework, Hung: hung);
    }

    // The number of tests the last run of this project left in its TRX file (read before the directory is emptied).
    private static int LastCount(string resultsDirectory, TestRun run)
    {
        var trx = Path.Combine(ResultsDirectoryOf(resultsDirectory, run.Project, run.Framework), run.Settings.TrxFileName);
        try
        {
            return File.Exists(trx) ? TrxReader.Read(trx).Tests.Count : 0;
        }
        catch (InvalidDataException)
        {
            return 0;
        }
    }

    /// <summary>The results directory of one project and framework.</summary>
    public static string ResultsDirectoryOf(string resultsDirectory, string project, string framework) =>
        Path.Combine(resultsDirectory, Path.GetFileNameWithoutExtension(project), framework);
}
