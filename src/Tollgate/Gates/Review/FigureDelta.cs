namespace Tollgate.Gates.Review;

/// <summary>One figure of a gate, here and in the base: a count (tests, findings) or a percentage (its delta in percentage points).</summary>
internal sealed record FigureDelta(string Gate, string Figure, double? Base, double? Now, bool Percent)
{
    /// <summary>The figures compared, by gate: what a reviewer reads first.</summary>
    public static readonly IReadOnlyList<(string Gate, string Metric, string Figure, bool Percent)> Compared =
    [
        ("Test", "passed", "tests passed", false),
        ("Test", "failed", "tests failed", false),
        ("Test", "skipped", "tests skipped", false),
        ("Coverage", "line", "line coverage", true),
        ("Coverage", "linesCovered", "lines covered", false),
        ("Coverage", "linesValid", "coverable lines", false),
        ("Mutation", "score", "mutation score", true),
        ("Mutation", "survived", "surviving mutants", false),
        ("Mutation", "nocoverage", "mutants without coverage", false),
        ("Lint", "violations", "lint violations", false),
        ("ArchitectureTests", "violations", "architecture violations", false),
        ("SecurityScan", "critical", "critical findings", false),
        ("SecurityScan", "high", "high findings", false),
        ("SecurityScan", "medium", "medium findings", false),
        ("SecurityScan", "low", "low findings", false),
        ("SecurityScan", "unknown", "findings of unknown severity", false),
    ];

    /// <summary>Now minus base; null when either is missing.</summary>
    public double? Change => Base is { } before && Now is { } after ? Math.Round(after - before, 2) : null;

    /// <summary>The figures of <paramref name="now"/> against <paramref name="before"/> (metrics by gate), for every figure either has.</summary>
    public static IReadOnlyList<FigureDelta> Of(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> now, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? before) =>
        Compared.Select(c => new FigureDelta(c.Gate, c.Figure, Value(before, c.Gate, c.Metric), Value(now, c.Gate, c.Metric), c.Percent))
            .Where(d => d.Base is not null || d.Now is not null)
            .ToList();

    private static double? Value(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? gates, string gate, string metric) =>
        gates is not null && gates.TryGetValue(gate, out var metrics) && metrics.TryGetValue(metric, out var value) ? value : null;
}
