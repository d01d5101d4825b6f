namespace Tollgate.Evidence;

/// <summary>What moving the portfolio to one Tollgate version changes: for a repository's version, the policy changes its gates get.</summary>
/// <param name="To">The version moved to (the one running the audit).</param>
/// <param name="Changes">For a repository's Tollgate version, one line per policy change it gets.</param>
internal sealed record PortfolioUpgrade(string To, Func<string, IReadOnlyList<string>> Changes);
