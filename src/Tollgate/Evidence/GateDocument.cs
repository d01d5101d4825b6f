namespace Tollgate;

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
    /// <summary>What the figures depend on besides the policy (e.g. <c>configuration</c>); omitted when there is nothing.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    /// <summary>Every program the gate ran, with its effective arguments (a build's settings hooks included); empty when it ran none (absent from documents written before Tollgate recorded commands).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Commands { get; init; }

    /// <summary>The bundle path of a gate's document.</summary>
    public static string PathOf(string gate) => $"gates/{gate.ToLowerInvariant()}.json";
}
