namespace Tollgate;

/// <summary>A parameter as written into evidence; a secret's value is never present.</summary>
public sealed record ParameterRecord(string Name, string? Value, string Source, bool Overridden, bool Secret);

/// <summary>A target's outcome as written into evidence.</summary>
public sealed record TargetRecord(string Name, string Status, double DurationSeconds, string? Reason, string? Headline);

/// <summary>The repository a run was made in.</summary>
/// <param name="Name">Its directory name or the name in its remote.</param>
/// <param name="Remote">The remote URL without any credentials.</param>
public sealed record RepositoryRecord(string Name, string? Remote);

/// <summary>Where a run ran: <c>local</c> or a CI host, with what the host says of the run.</summary>
public sealed record CiHostRecord(string Name, IReadOnlyDictionary<string, string> Details);

/// <summary>Everything about a run that is not a gate's own result.</summary>
public sealed record RunRecord(
    string TollgateVersion,
    RepositoryRecord Repository,
    string? Commit,
    string? Version,
    CiHostRecord CiHost,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    IReadOnlyList<string> Requested,
    string Outcome,
    string? Error,
    IReadOnlyList<ParameterRecord> Parameters,
    IReadOnlyList<TargetRecord> Targets);
