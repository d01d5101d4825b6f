namespace Tollgate.Evidence;

/// <summary><c>gates/&lt;gate&gt;.json</c>: a gate's full result, with its reports' bundle paths.</summary>
public sealed record GateDocument(
    string Gate,
    GateStatus Status,
    string Headline,
    IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> Thresholds,
    IReadOnlyDictionary<string, string> Tools,
    double DurationSeconds,
    IReadOnlyList<string> Reports,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Waiver> Waivers)
{
    /// <summary>The bundle path of a gate's document.</summary>
    public static string PathOf(string gate) => $"gates/{gate.ToLowerInvariant()}.json";
}
