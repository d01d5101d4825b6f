using Tollgate.Evidence;
using Tollgate.Tools;

namespace Tollgate;

/// <summary>What every component can use: the root, the log, the process runner and the run's evidence.</summary>
public interface ITollgateBuild : IParameterProvider
{
    /// <summary>The repository root (the directory holding <c>.nuke/</c>).</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary>The build's log.</summary>
    BuildLog Log { get; }

    /// <summary>The environment the build runs in.</summary>
    IReadOnlyDictionary<string, string> EnvironmentVariables { get; }

    /// <summary>The targets this run executes (its plan without the skipped ones).</summary>
    internal IReadOnlySet<string> PlannedTargets { get; }

    /// <summary>A person's keyboard, when the build runs on a terminal; null otherwise.</summary>
    internal TextReader? Terminal { get; }

    /// <summary>Runs every external program.</summary>
    internal ProcessRunner ProcessRunner { get; }

    /// <summary>The build's settings hooks, one per tool, that every step applies to its tool runs before rendering them.</summary>
    internal ToolHooks ToolHooks => BuildToolHooks.Of(this);

    /// <summary>What git says of the repository (commit, remote, branch, shallow), read once per run, when first asked.</summary>
    internal Task<Tools.Git.GitFacts> GitFactsAsync(CancellationToken cancellation);

    /// <summary>The evidence of this run, written to <see cref="EvidenceDirectory"/> at its end.</summary>
    internal BundleWriter RunEvidence { get; }

    /// <summary>Where the pinned .NET tools the gates drive are installed.</summary>
    [Parameter("Where Tollgate installs the .NET tools it pins (ReportGenerator, Stryker, CycloneDX)")]
    AbsolutePath ToolsDirectory => this.ValueOf(() => ToolsDirectory, RootDirectory / ".nuke" / "temp" / "tools");

    /// <summary>How many earlier evidence bundles are kept beside the current one.</summary>
    [Parameter("How many earlier evidence bundles to keep, as artifacts/evidence.previous.1 (the newest) to .N")]
    [Bounds(0, 100)]
    int EvidenceHistory => this.ValueOf(() => EvidenceHistory, EvidenceWriter.DefaultHistory);

    /// <summary>The private key that signs the evidence (a PEM file's path, or the PEM text; ECDSA P-256).</summary>
    [Parameter("The ECDSA P-256 private key (PEM file path, or the PEM text) that signs the evidence bundle's manifest and provenance (manifest.sig.json); unsigned when not set")]
    [Secret]
    string? EvidenceSigningKey => this.ValueOf(() => EvidenceSigningKey, null);

    /// <summary>The gates that must have passed before Package packs and Deploy promotes.</summary>
    [Parameter("Gates that must have passed before Package packs and Deploy promotes (default: all six)")]
    string[] RequiredGates => this.ValueOf(() => RequiredGates, [.. PolicyDefaults.Current.RequiredGates]);

    /// <summary>This agent's part of a run split over several.</summary>
    [Parameter("This agent's part of a run split over several CI agents, as i/N (default: the CI host's parallel job — GitLab, Azure, CircleCI, Buildkite — else 1/1)")]
    string? Shard => this.ValueOf(() => Shard, null);

    /// <summary>How long each unit took before, to balance the shards.</summary>
    [Parameter("Durations of an earlier split run to balance the shards by: a merged bundle or a timings file (default: .nuke/shard-timings.json when it exists; without, by size)")]
    AbsolutePath? ShardTimings => this.ValueOf(() => ShardTimings, null);

    /// <summary>Whether every shard runs the cheap, global gates too.</summary>
    [Parameter("On a split run, run Lint, ArchitectureTests and SecurityScan on every shard instead of shard 1 only (the merge takes shard 1's)")]
    bool ShardEveryGate => this.ValueOf(() => ShardEveryGate, false);

    /// <summary>Whether this agent runs the cheap, global gates: not split, shard 1, or told to on every shard.</summary>
    internal bool RunsGlobalGates => CheckedShard.RunsGlobalGates || this.Read(() => ShardEveryGate);

    /// <summary>The shard, checked: <c>--shard</c>, else the host's parallel job, else the whole run.</summary>
    internal Gates.Shards.ShardSpec CheckedShard
    {
        get
        {
            try
            {
                return this.Read(() => Shard) is { } given ? Gates.Shards.ShardSpec.Parse(given)
                    : Ci.CiShard.Detect(EnvironmentVariables) is { } host ? Gates.Shards.ShardSpec.Parse(host.Shard, host.Source)
                    : Gates.Shards.ShardSpec.Whole;
            }
            catch (FormatException exception)
            {
                throw new BuildException(exception.Message);
            }
        }
    }

    /// <summary>The timings the shards are balanced by, when there are any.</summary>
    internal Gates.Shards.ShardTimings? CheckedShardTimings
    {
        get
        {
            var path = this.Read(() => ShardTimings) ?? (File.Exists(RootDirectory / Gates.Shards.ShardTimings.DefaultFile) ? RootDirectory / Gates.Shards.ShardTimings.DefaultFile : null);
            try
            {
                return path is null ? null : Gates.Shards.ShardTimings.Read(path);
            }
            catch (InvalidDataException exception)
            {
                throw new BuildException(exception.Message);
            }
        }
    }

    /// <summary>How the run uses the result cache.</summary>
    [Parameter("How this run uses the result cache: read-write (the default), read (e.g. a pull request from a fork), write (run everything and store the results) or off")]
    string Cache => this.ValueOf(() => Cache, "read-write");

    /// <summary>Runs every unit, the cache neither read nor written.</summary>
    [Parameter("Run every unit: read nothing from the result cache and store nothing (the same as --cache off)")]
    bool NoCache => this.ValueOf(() => NoCache, false);

    /// <summary>The local folder of the result cache.</summary>
    [Parameter("The local folder of the result cache, shared by every checkout on the machine (default: $XDG_CACHE_HOME/tollgate, else ~/.cache/tollgate)")]
    AbsolutePath? CacheDirectory => this.ValueOf(() => CacheDirectory, null);

    /// <summary>A shared HTTP cache every agent reaches.</summary>
    [Parameter("A shared HTTP result cache every agent reaches: GET, HEAD and PUT of <url>/<key>, as nginx with WebDAV, bazel-remote or an object store's HTTP endpoint serve them")]
    string? CacheUrl => this.ValueOf(() => CacheUrl, null);

    /// <summary>The shared cache's credentials.</summary>
    [Parameter("The shared result cache's credentials: user:password (Basic), or a token (Bearer)")]
    [Secret]
    string? CacheCredentials => this.ValueOf(() => CacheCredentials, null);

    /// <summary>The secret that signs the cache's entries.</summary>
    [Parameter("A shared secret that signs (HMAC-SHA256) every result cache entry this run stores, and without which no entry read is used: whoever can write to the cache server cannot forge a result")]
    [Secret]
    string? CacheSigningKey => this.ValueOf(() => CacheSigningKey, null);

    /// <summary>Files every Test and Mutation unit also depends on.</summary>
    [Parameter("Files every Test and Mutation unit also depends on, as patterns relative to the root (a * matches across folders), e.g. tests/fixtures/* README.md: what tests read outside their projects' folders")]
    string[] CacheInputs => this.ValueOf(() => CacheInputs, []);

    /// <summary>Whether each miss says which ingredient of its key changed.</summary>
    [Parameter("Say of each unit the result cache misses which ingredients of its key changed since it was last stored")]
    bool ExplainCache => this.ValueOf(() => ExplainCache, false);

    /// <summary>The run's result cache (one per run, made when first asked).</summary>
    internal Task<Gates.Cache.CacheContext> ResultCacheAsync(CancellationToken cancellation);

    /// <summary><c>artifacts/</c> under the root.</summary>
    AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";

    /// <summary><c>artifacts/evidence/</c>: where the evidence bundle is written.</summary>
    AbsolutePath EvidenceDirectory => ArtifactsDirectory / "evidence";
}
