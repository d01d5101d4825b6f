namespace Tollgate.Evidence;

/// <summary>
/// The full result of a gate: its verdict, why, its figures and thresholds (from raw counts), the tools
/// and versions it ran, and everything it found.
/// </summary>
/// <param name="Gate">The gate's name, e.g. <c>Test</c>.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Headline">The one figure shown in tables, e.g. <c>12 passed, 0 failed</c>.</param>
/// <param name="Reasons">Why it failed or errored (empty when it passed).</param>
/// <param name="Metrics">Raw counts and computed figures, by name.</param>
/// <param name="Thresholds">The policy values the metrics were held to, by name.</param>
/// <param name="Tools">The tools it ran, with their versions.</param>
/// <param name="Findings">Everything it found.</param>
internal sealed record GateResult(
    string Gate,
    GateStatus Status,
    string Headline,
    IReadOnlyList<string> Reasons,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> Thresholds,
    IReadOnlyDictionary<string, string> Tools,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Checks the policy waived, with its reasons.</summary>
    public IReadOnlyList<Waiver> Waivers { get; init; } = [];

    /// <summary>What the figures depend on besides the policy, e.g. the build configuration coverage was measured in.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Every program the gate ran, as it ran it (paths relative to the root, secrets masked), in order.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>The units whose results came from the result cache (empty when every unit ran).</summary>
    public IReadOnlyList<ReusedUnit> Reused { get; init; } = [];

    /// <summary>A gate that was planned but did not run, with the reason (never a pass).</summary>
    public static GateResult Skipped(string gate, string reason) => new(
        gate, GateStatus.Skipped, $"skipped: {reason}", [reason], new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, string>(), []);

    /// <summary>The result a written gate document holds (a document written before commands were recorded has none).</summary>
    public static GateResult From(GateDocument document) =>
        new(document.Gate, document.Status, document.Headline, document.Reasons, document.Metrics, document.Thresholds, document.Tools, document.Findings)
        {
            Waivers = document.Waivers,
            Commands = document.Commands ?? [],
            Settings = document.Settings ?? new Dictionary<string, string>(),
            Reused = document.Reused ?? [],
        };

    /// <summary>A gate that could not run, with its reason.</summary>
    public static GateResult Errored(string gate, string reason, IReadOnlyDictionary<string, string>? tools = null) => new(
        gate, GateStatus.Error, reason, [reason], new Dictionary<string, double>(), new Dictionary<string, double>(), tools ?? new Dictionary<string, string>(), []);
}
