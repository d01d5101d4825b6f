namespace Tollgate.Portfolio;

/// <summary>One run as the store keeps it: a bundle's identity (the SHA-256 of its manifest) and what the metrics read of it.</summary>
internal sealed record StoredRun(
    string Bundle, string Repository, string? Remote, string? Commit, string? Version, DateTimeOffset StartedAt, double DurationSeconds, string Outcome,
    string TollgateVersion, string Requested, string CiHost, string IngestedFrom);

/// <summary>One deployment or rollback as the store keeps it, from a Deploy run's <c>deployment.json</c>.</summary>
internal sealed record StoredDeployment(
    string Bundle, string Repository, string Environment, string Action, string Version, string? Commit, DateTimeOffset At, string Outcome, string? Health);
