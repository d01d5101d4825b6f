namespace Tollgate;

/// <summary>One change to the default policy (<c>Policy/changes.json</c>).</summary>
/// <param name="Version">The Tollgate version that made it.</param>
/// <param name="Key">The setting in <c>defaults.json</c>, as a dotted path (<c>coverage.line</c>, <c>tools.dotnet-stryker</c>).</param>
/// <param name="Old">The value before, as JSON text; null when the setting did not exist.</param>
/// <param name="New">The value after, as JSON text.</param>
/// <param name="Why">Why it changed, for the people whose gates it changes.</param>
internal sealed record PolicyChange(string Version, string Key, string? Old, string New, string Why)
{
    /// <summary>One line: <c>coverage.line: 70 → 75 (why)</c>.</summary>
    public override string ToString() => $"{Key}: {Old ?? "(not set)"} → {New} ({Why})";
}
