namespace Tollgate.Portfolio;

/// <summary>One run as the store keeps it: a bundle's identity (the SHA-256 of its manifest) and what the metrics read of it.</summary>
internal sealed record StoredRun(
    string Bundle, string Repository, string? Remote, string? Commit, string? Version, DateTimeOffset StartedAt, double DurationSeconds, string Outcome,
    string TollgateVersion, string Requested, string CiHost, string IngestedFrom, string? Branch = null, DateTimeOffset? CommittedAt = null)
{
    /// <summary>True when the run was asked for <c>Ci</c>: the runs the pipeline success rate counts.</summary>
    public bool IsCi => Requested.Split(' ').Contains("Ci");
}

/// <summary>What a run records beyond its row: the CI files it ran under and the parameters it overrode (never a secret's value).</summary>
internal sealed record StoredRunDetails(IReadOnlyList<CiFileRecord> CiFiles, IReadOnlyList<(string Parameter, string? Value)> Overrides)
{
    /// <summary>Nothing beyond the row.</summary>
    public static StoredRunDetails None { get; } = new([], []);
}

/// <summary>One deployment or rollback as the store keeps it, from a Deploy run's <c>deployment.json</c>; with its commit's time when a run recorded it.</summary>
internal sealed record StoredDeployment(
    string Bundle, string Repository, string Environment, string Action, string Version, string? Commit, DateTimeOffset At, string Outcome, string? Health,
    DateTimeOffset? CommittedAt = null);

/// <summary>One bundle as the store takes it: its run, gates' verdicts and figures, deployment, details, and the stamp of the manifest it was read from.</summary>
internal sealed record StoredBundle(StoredRun Run, IReadOnlyList<GateEntry> Gates, StoredDeployment? Deployment, StoredRunDetails Details, string Stamp);
