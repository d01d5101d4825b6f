namespace Tollgate.Gates.Lint;

/// <summary>What the Lint tools produced: the diagnostics, projects without a compiler log, and the raw reports.</summary>
internal sealed record LintRun(IReadOnlyList<LintDiagnostic> Diagnostics, IReadOnlyList<string> MissingLogs, IReadOnlyList<string> Reports)
{
    /// <summary>The projects whose dotnet format verdict came from the result cache.</summary>
    public IReadOnlyList<Cache.CacheEntry> Reused { get; init; } = [];
}
