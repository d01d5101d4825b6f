using Tollgate.Engine;
using Tollgate.Evidence;

namespace Tollgate.Ci;

/// <summary>
/// GitHub Actions: <c>::group::</c> per target, <c>::error file=…,line=…,title=…::</c> annotations, and
/// <c>summary.md</c> appended to the job's step summary (<c>GITHUB_STEP_SUMMARY</c>); on a pull request the report
/// (<c>pr-report.md</c>) comes first and only findings on changed lines are annotated.
/// </summary>
internal sealed class GitHubConsole(BuildLog log, IReadOnlyDictionary<string, string> environment) : CiConsole(log)
{
    /// <inheritdoc />
    public override void Starting(string target) => Log.Always($"::group::{Data(target)}");

    /// <inheritdoc />
    public override void Finished(TargetResult result) => Log.Always("::endgroup::");

    /// <inheritdoc />
    public override void Publish(CiPublication publication)
    {
        foreach (var annotation in CiAnnotation.From(publication.Gates, ChangedLines.Read(publication.EvidenceDirectory)))
        {
            Log.Always(Command(annotation));
        }

        if (environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary) && summary.Length > 0)
        {
            var report = Path.Combine(publication.EvidenceDirectory, PullRequestFiles.Report);
            File.AppendAllText(summary, (File.Exists(report) ? File.ReadAllText(report) + "\n" : "") + File.ReadAllText(Path.Combine(publication.EvidenceDirectory, "summary.md")) + "\n");
        }
    }

    /// <summary>The workflow command of one annotation.</summary>
    public static string Command(CiAnnotation annotation)
    {
        var properties = new List<string>();
        if (annotation.File is not null)
        {
            properties.Add($"file={Property(annotation.File)}");
            if (annotation.Line is { } line)
            {
                properties.Add($"line={line}");
            }
        }

        properties.Add($"title={Property(annotation.Rule is null ? annotation.Gate : $"{annotation.Gate} {annotation.Rule}")}");
        return $"::error {string.Join(",", properties)}::{Data(annotation.Message)}";
    }

    /// <summary>A command's message: <c>%</c>, CR and LF escaped.</summary>
    public static string Data(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A command's property value: as <see cref="Data"/>, and <c>:</c> and <c>,</c> too.</summary>
    public static string Property(string text) => Data(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
