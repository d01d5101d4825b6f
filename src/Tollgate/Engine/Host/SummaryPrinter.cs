namespace Tollgate.Engine;

/// <summary>Prints the table at the end of a run, then the targets' closing lines last.</summary>
internal static class SummaryPrinter
{
    /// <summary>Prints the summary.</summary>
    public static void Print(BuildLog log, BuildReport report)
    {
        if (report.Results.Count > 0)
        {
            var width = Math.Max(6, report.Results.Max(r => r.Name.Length)) + 2;
            var rule = new string('═', width + 44);
            log.Always(rule);
            log.Always($"{"Target".PadRight(width)}{"Status",-12}{"Duration",-10}Result");
            log.Always(new string('─', width + 44));
            foreach (var result in report.Results)
            {
                var duration = result.Duration == TimeSpan.Zero ? "" : Format(result.Duration);
                log.Always($"{result.Name.PadRight(width)}{result.Status,-12}{duration,-10}{result.Headline ?? result.Reason}");
            }

            log.Always(rule);
        }

        var verdict = report.Aborted ? "Build aborted" : report.Succeeded ? "Build succeeded" : "Build failed";
        log.Always($"{verdict} in {Format(report.Duration)}.");
        foreach (var line in report.Results.Select(r => r.ClosingLine).OfType<string>())
        {
            log.Always(line);
        }
    }

    private static string Format(TimeSpan duration) => duration.TotalMinutes >= 1
        ? $"{(int)duration.TotalMinutes}:{duration.Seconds:00} min"
        : $"{duration.TotalSeconds:0.0} s";
}
