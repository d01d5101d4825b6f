namespace Tollgate.Evidence;

/// <summary>One repository's line in a portfolio audit, read from its evidence bundle.</summary>
/// <param name="Repository">The repository's name.</param>
/// <param name="Bundle">Where its bundle was read from, relative to the audited folder.</param>
/// <param name="TollgateVersion">The Tollgate version that wrote the bundle.</param>
/// <param name="Commit">The commit it was made on.</param>
/// <param name="Outcome">The run's outcome.</param>
/// <param name="Gates">Each gate's verdict and figure, by gate name.</param>
/// <param name="Overrides">Parameters set by the repository itself, as <c>name=value</c>.</param>
/// <param name="Waivers">Checks its policy waived, as <c>gate: subject (reason)</c>.</param>
/// <param name="ExpiredSuppressions">Suppressions its SecurityScan reported expired.</param>
internal sealed record PortfolioEntry(
    string Repository,
    string Bundle,
    string TollgateVersion,
    string? Commit,
    string Outcome,
    IReadOnlyDictionary<string, (string Status, string Headline)> Gates,
    IReadOnlyList<ParameterRecord> Overrides,
    IReadOnlyList<string> Waivers,
    IReadOnlyList<string> ExpiredSuppressions);
