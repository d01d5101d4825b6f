namespace Tollgate;

/// <summary><c>gates/&lt;gate&gt;.json</c>: a gate's full result, with its reports' bundle paths.</summary>
public sealed record GateDocument
{
    /// <summary>The gate's name, e.g. <c>Coverage</c>.</summary>
    public required string Gate { get; init; }

    /// <summary>Its verdict.</summary>
    public required GateStatus Status { get; init; }

    /// <summary>Its one-line summary.</summary>
    public required string Headline { get; init; }

    /// <summary>Why it ended as it did, one line each.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Its figures.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The thresholds it was held to.</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>The tools it ran and their versions.</summary>
    public IReadOnlyDictionary<string, string> Tools { get; init; } = new Dictionary<string, string>();

    /// <summary>How long it ran.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>The bundle paths of its reports.</summary>
    public IReadOnlyList<string> Reports { get; init; } = [];

    /// <summary>What it found.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>The checks the policy let it leave out.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>What the figures depend on besides the policy (e.g. <c>configuration</c>); omitted when there is nothing.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Settings { get; init; }

    /// <summary>Every program the gate ran, with its effective arguments (a build's settings hooks included); empty when it ran none (absent from documents written before Tollgate recorded commands).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Commands { get; init; }

    /// <summary>The units whose results the result cache gave instead of a run, with their keys and where they came from; omitted when every unit ran.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReusedUnit>? Reused { get; init; }

    /// <summary>The bundle path of a gate's document.</summary>
    public static string PathOf(string gate) => $"gates/{gate.ToLowerInvariant()}.json";
}
