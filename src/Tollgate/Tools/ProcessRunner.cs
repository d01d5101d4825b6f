using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Tollgate.Tools;

/// <summary>
/// Runs every external program of a build: argument lists, a time-out, cancellation that kills the
/// whole process tree, output captured and echoed at verbose level, secrets masked everywhere.
/// </summary>
/// <param name="log">Where command lines and (at verbose level) output go, secrets masked.</param>
/// <param name="standIn">
/// Tests only: answers each run in place of starting its program (after the command is logged and recorded, as a real run's
/// is), so a step can be driven without the tools it calls; null: programs really run.
/// </param>
internal sealed class ProcessRunner(BuildLog log, Func<ProcessSpec, CancellationToken, Task<ProcessResult>>? standIn = null)
{
    private static readonly AsyncLocal<List<string>?> Recorded = new();

    /// <summary>
    /// Starts recording the command lines (secrets masked) of every program run from here on in this flow of
    /// control, e.g. for one gate; the list fills as programs start.
    /// </summary>
    public static IReadOnlyList<string> Record()
    {
        var list = new List<string>();
        Recorded.Value = list;
        return list;
    }

    /// <summary>Runs <paramref name="spec"/> to its end, its time-out or <paramref name="cancellation"/>.</summary>
    /// <exception cref="ToolNotFoundException">The program is not installed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the program was killed.</exception>
    public async Task<ProcessResult> RunAsync(ProcessSpec spec, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in spec.Environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        log.Info($"> {spec.CommandLine}");
        if (Recorded.Value is { } recorded && !spec.Incidental)
        {
            lock (recorded)
            {
                recorded.Add(log.Masker.Apply(spec.CommandLine));
            }
        }

        if (standIn is not null)
        {
            return await standIn(spec, cancellation).ConfigureAwait(false);
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Collect(output, e.Data, spec.OnOutput);
        process.ErrorDataReceived += (_, e) => Collect(error, e.Data);
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw new ToolNotFoundException(spec.FileName, spec.InstallHint);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = spec.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timeout.Token);
        try
        {
            await process.WaitForExitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            if (cancellation.IsCancellationRequested)
            {
                throw;
            }

            log.Error($"{spec.FileName} did not finish within {spec.Timeout} and was stopped.");
            return new ProcessResult(spec, -1, output.ToString(), error.ToString(), clock.Elapsed, TimedOut: true);
        }

        process.WaitForExit(); // drains the redirected streams
        return new ProcessResult(spec, process.ExitCode, output.ToString(), error.ToString(), clock.Elapsed, TimedOut: false);
    }

    private void Collect(StringBuilder buffer, string? line, Action<string>? observer = null)
    {
        if (line is null)
        {
            return;
        }

        var masked = log.Masker.Apply(line);
        lock (buffer)
        {
            buffer.AppendLine(masked);
        }

        observer?.Invoke(masked);

        log.Debug("  " + masked);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }
}
