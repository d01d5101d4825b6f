using Tollgate.Engine;
using Tollgate.Evidence;

namespace Tollgate.Ci;

/// <summary>
/// Azure Pipelines: <c>##[group]</c> per target, <c>##vso[task.logissue …]</c> per problem (on a pull request, those on
/// changed lines only), <c>pr-report.md</c> (on a pull request) and <c>summary.md</c> uploaded as the run's summaries.
/// </summary>
internal sealed class AzureConsole(BuildLog log) : CiConsole(log)
{
    /// <inheritdoc />
    public override void Starting(string target) => Log.Always($"##[group]{Message(target)}");

    /// <inheritdoc />
    public override void Finished(TargetResult result) => Log.Always("##[endgroup]");

    /// <inheritdoc />
    public override void Publish(CiPublication publication)
    {
        foreach (var annotation in CiAnnotation.From(publication.Gates, ChangedLines.Read(publication.EvidenceDirectory)))
        {
            Log.Always(Command(annotation));
        }

        var report = Path.Combine(publication.EvidenceDirectory, PullRequestFiles.Report);
        if (File.Exists(report))
        {
            Log.Always($"##vso[task.uploadsummary]{Message(report)}");
        }

        Log.Always($"##vso[task.uploadsummary]{Message(Path.Combine(publication.EvidenceDirectory, "summary.md"))}");
    }

    /// <summary>The logging command of one annotation.</summary>
    public static string Command(CiAnnotation annotation)
    {
        var properties = new List<string> { "type=error" };
        if (annotation.File is not null)
        {
            properties.Add($"sourcepath={Property(annotation.File)}");
            if (annotation.Line is { } line)
            {
                properties.Add($"linenumber={line}");
            }
        }

        properties.Add($"code={Property(annotation.Rule ?? annotation.Gate)}");
        return $"##vso[task.logissue {string.Join(";", properties)}]{Message($"{annotation.Gate}: {annotation.Message}")}";
    }

    /// <summary>A command's message: <c>%</c>, CR and LF escaped the Azure way.</summary>
    public static string Message(string text) =>
        text.Replace("%", "%AZP25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value: as <see cref="Message"/>, and <c>;</c> and <c>]</c> too.</summary>
    public static string Property(string text) => Message(text).Replace(";", "%3B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal);
}
