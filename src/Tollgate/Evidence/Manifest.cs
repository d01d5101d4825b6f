namespace Tollgate;

/// <summary>A gate's entry in the manifest: its verdict and figures; the full result is in <see cref="File"/>.</summary>
public sealed record GateEntry
{
    /// <summary>The gate's name, e.g. <c>Coverage</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>passed</c>, <c>failed</c>, <c>error</c>, …</summary>
    public required string Status { get; init; }

    /// <summary>The gate's one-line summary.</summary>
    public required string Headline { get; init; }

    /// <summary>Its figures.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The thresholds it was held to.</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; init; } = new Dictionary<string, double>();

    /// <summary>The tools it ran and their versions.</summary>
    public IReadOnlyDictionary<string, string> Tools { get; init; } = new Dictionary<string, string>();

    /// <summary>How long it ran.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>The bundle path of its gate document.</summary>
    public required string File { get; init; }
}

/// <summary>One file of the bundle and its digest.</summary>
public sealed record FileEntry
{
    /// <summary>The file's bundle path, with forward slashes.</summary>
    public required string Path { get; init; }

    /// <summary>Its SHA-256, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Its size.</summary>
    public long Bytes { get; init; }
}

/// <summary><c>manifest.json</c>: what ran, on what, with which policy, how each gate ended, and the digest of every file.</summary>
/// <remarks>A newer Tollgate adds fields as new properties, never as constructor parameters, so a consumer's build keeps compiling.</remarks>
public sealed record Manifest
{
    /// <summary>The bundle's schema version (<see cref="CurrentSchemaVersion"/> when written by this Tollgate).</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>The Tollgate version that wrote it.</summary>
    public required string TollgateVersion { get; init; }

    /// <summary>The repository.</summary>
    public required RepositoryRecord Repository { get; init; }

    /// <summary>The commit, when in git.</summary>
    public string? Commit { get; init; }

    /// <summary>When the commit was made (its committer date), when in git; what lead time to production counts from.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? CommittedAt { get; init; }

    /// <summary>The build's version, when known.</summary>
    public string? Version { get; init; }

    /// <summary>Where it ran.</summary>
    public required CiHostRecord CiHost { get; init; }

    /// <summary>The CI definition files of the checkout it ran in, with their digests; null when it has none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CiFileRecord>? CiFiles { get; init; }

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it ran.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>The targets asked for.</summary>
    public IReadOnlyList<string> Requested { get; init; } = [];

    /// <summary><c>succeeded</c> or <c>failed</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The run's error, when it failed before or outside a gate.</summary>
    public string? Error { get; init; }

    /// <summary>Every parameter and where its value came from (no secret's value).</summary>
    public IReadOnlyList<ParameterRecord> Parameters { get; init; } = [];

    /// <summary>Every target's outcome.</summary>
    public IReadOnlyList<TargetRecord> Targets { get; init; } = [];

    /// <summary>Every gate's verdict and figures.</summary>
    public IReadOnlyList<GateEntry> Gates { get; init; } = [];

    /// <summary>Every other file of the bundle and its digest.</summary>
    public IReadOnlyList<FileEntry> Files { get; init; } = [];

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
public sealed record ManifestSigning
{
    /// <summary><c>signed</c> or <c>unsigned</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The SHA-256 (hex) of the signing key's public key.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? KeyId { get; init; }

    /// <summary>The DSSE envelope's path in the bundle: <c>manifest.sig.json</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Envelope { get; init; }

    /// <summary>The envelope's file name in the bundle.</summary>
    public const string EnvelopeFile = "manifest.sig.json";

    /// <summary>True when signed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsSigned => Status == "signed";
}

/// <summary>One shard of a split run: which part it was, and of a merged bundle's shards, their commit, CI host and run page.</summary>
public sealed record ShardRecord
{
    /// <summary>Which part of the split run it is.</summary>
    public required int Index { get; init; }

    /// <summary>How many shards the run was split into.</summary>
    public required int Total { get; init; }

    /// <summary>The commit the shard ran on (in a merged bundle's list).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Commit { get; init; }

    /// <summary>The CI host it ran on (in a merged bundle's list).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Host { get; init; }

    /// <summary>Its run page (in a merged bundle's list).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }
}
