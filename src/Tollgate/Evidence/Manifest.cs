namespace Tollgate;

/// <summary>A gate's entry in the manifest: its verdict and figures; the full result is in <see cref="File"/>.</summary>
public sealed record GateEntry(
    string Name,
    string Status,
    string Headline,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, double> Thresholds,
    IReadOnlyDictionary<string, string> Tools,
    double DurationSeconds,
    string File);

/// <summary>One file of the bundle and its digest.</summary>
public sealed record FileEntry(string Path, string Sha256, long Bytes);

/// <summary><c>manifest.json</c>: what ran, on what, with which policy, how each gate ended, and the digest of every file.</summary>
public sealed record Manifest(
    int SchemaVersion,
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
    IReadOnlyList<TargetRecord> Targets,
    IReadOnlyList<GateEntry> Gates,
    IReadOnlyList<FileEntry> Files)
{
    /// <summary>The schema version this Tollgate writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The manifest's file name in the bundle.</summary>
    public const string FileName = "manifest.json";
}
