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
    /// <summary>Whether the manifest is signed, and by which key; null in bundles written before signing existed (unsigned).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ManifestSigning? Signing { get; init; }

    /// <summary>The part of a split run this bundle is; null when the run was not split.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ShardRecord? Shard { get; init; }

    /// <summary>The shard bundles a merged bundle was made of; null for any other bundle.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ShardRecord>? Shards { get; init; }

    /// <summary>The schema version this Tollgate writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The manifest's file name in the bundle.</summary>
    public const string FileName = "manifest.json";
}

/// <summary>A manifest's signing: <c>signed</c> (with the key id and the envelope's bundle path) or <c>unsigned</c>.</summary>
/// <param name="Status"><c>signed</c> or <c>unsigned</c>.</param>
/// <param name="KeyId">The SHA-256 (hex) of the signing key's public key.</param>
/// <param name="Envelope">The DSSE envelope's path in the bundle: <c>manifest.sig.json</c>.</param>
public sealed record ManifestSigning(
    string Status,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? KeyId = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Envelope = null)
{
    /// <summary>The envelope's file name in the bundle.</summary>
    public const string EnvelopeFile = "manifest.sig.json";

    /// <summary>True when signed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSigned => Status == "signed";
}

/// <summary>One shard of a split run: which part it was, and of a merged bundle's shards, their commit, CI host and run page.</summary>
public sealed record ShardRecord(
    int Index,
    int Total,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Commit = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Host = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Url = null);
