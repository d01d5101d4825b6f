using System.Diagnostics;
using System.Globalization;
using Tollgate.Tools;

namespace Tollgate.Deploy;

/// <summary>Runs a health check until it passes or the time is up.</summary>
internal sealed class HealthProbe(ProcessRunner runner, HttpClient http, string workingDirectory)
{
    /// <summary>Polls <paramref name="check"/> (with <c>{port}</c> replaced) every half second up to <paramref name="timeout"/>; returns whether it passed and what it last saw.</summary>
    public async Task<(bool Passed, string Detail)> WaitAsync(HealthCheck check, int? port, TimeSpan timeout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        var last = "not tried";
        do
        {
            attempts++;
            (var passed, last) = await TryAsync(check, port, cancellation).ConfigureAwait(false);
            if (passed)
            {
                return (true, $"{last} (attempt {attempts}, {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)");
            }

            await Task.Delay(500, cancellation).ConfigureAwait(false);
        }
        while (clock.Elapsed < timeout);

        return (false, $"{last} after {attempts} attempts in {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s");
    }

    private async Task<(bool, string)> TryAsync(HealthCheck check, int? port, CancellationToken cancellation)
    {
        if (check.Url is { } template)
        {
            var url = template.Replace("{port}", port?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal);
            try
            {
                using var response = await http.GetAsync(url, cancellation).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
                var ok = response.IsSuccessStatusCode && (check.Contains is null || body.Contains(check.Contains, StringComparison.Ordinal));
                return (ok, $"GET {url}: {(int)response.StatusCode}{(check.Contains is null || ok ? "" : $", no '{check.Contains}' in the answer")}");
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                return (false, $"GET {url}: {exception.Message}");
            }
        }

        var command = check.Command!.Select(a => a.Replace("{port}", port?.ToString(CultureInfo.InvariantCulture) ?? "", StringComparison.Ordinal)).ToList();
        var result = await runner.RunAsync(new ProcessSpec(command[0], command.Skip(1).ToList(), workingDirectory, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
        return (result.Succeeded, $"{string.Join(" ", command)}: exit {result.ExitCode}");
    }
}
