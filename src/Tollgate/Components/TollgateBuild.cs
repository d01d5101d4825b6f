using System.Linq.Expressions;
using Tollgate.Ci;
using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Gates.Cache;
using Tollgate.Tools;
using Tollgate.Tools.Git;

namespace Tollgate;

/// <summary>
/// The base class of a repository's build: <c>class Build : TollgateBuild, IStandardGates</c> with
/// <c>public static int Main(string[] args) =&gt; Execute&lt;Build&gt;(args, x =&gt; ((ITest)x).Test);</c>
/// </summary>
public abstract class TollgateBuild : BuildBase, ITollgateBuild
{
    private BundleWriter? evidence;
    private object? evidenceLock;
    private ProcessRunner? runner;
    private CiConsole? console;
    private readonly object gitGate = new();
    private Task<GitFacts>? git;
    private Task<Gates.Cache.CacheContext>? cache;

    /// <inheritdoc />
    internal ProcessRunner ProcessRunner => runner ??= new ProcessRunner(Log);

    /// <inheritdoc />
    internal Task<GitFacts> GitFactsAsync(CancellationToken cancellation)
    {
        // Read once, when first asked: a run that needs no git fact starts no git process.
        lock (gitGate)
        {
            if (git is null)
            {
                // The run's facts, not a gate's: started outside the asking gate's flow, so no gate records these git commands.
                using (ExecutionContext.SuppressFlow())
                {
                    git = Task.Run(() => GitFacts.ReadAsync(ProcessRunner, RootDirectory, CancellationToken.None));
                }
            }

            return git;
        }
    }

    /// <inheritdoc />
    internal BundleWriter RunEvidence => LazyInitializer.EnsureInitialized(ref evidence, ref evidenceLock, StartEvidence);

    /// <summary>The CI host's console: log sections, annotations and report hooks in the host's own forms.</summary>
    ProcessRunner ITollgateBuild.ProcessRunner => ProcessRunner;

    TextReader? ITollgateBuild.Terminal => Terminal;

    IReadOnlySet<string> ITollgateBuild.PlannedTargets => PlannedTargets;

    BundleWriter ITollgateBuild.RunEvidence => RunEvidence;

    Task<GitFacts> ITollgateBuild.GitFactsAsync(CancellationToken cancellation) => GitFactsAsync(cancellation);

    Task<Gates.Cache.CacheContext> ITollgateBuild.ResultCacheAsync(CancellationToken cancellation)
    {
        lock (gitGate)
        {
            return cache ??= ResultCaches.OpenAsync(this, cancellation);
        }
    }

    internal CiConsole CiConsole => console ??= CiConsole.For(CiHost.NameOf(EnvironmentVariables), Log, EnvironmentVariables);

    /// <inheritdoc />
    internal override ITargetObserver? TargetObserver => CiConsole;

    /// <summary>Runs the build with the process's arguments, environment and console; returns the exit code.</summary>
    protected static int Execute<T>(string[] args, Expression<Func<T, Target>> defaultTarget)
        where T : TollgateBuild, new() =>
        BuildHost.RunAsync<T>(args, TargetName(defaultTarget), HostEnvironment.Process()).GetAwaiter().GetResult();

    /// <summary>The name of the target a selector like <c>x =&gt; ((ITest)x).Test</c> points at.</summary>
    internal static string TargetName<T>(Expression<Func<T, Target>> selector) =>
        selector.Body is MemberExpression { Member: var member }
            ? member.Name
            : throw new BuildException($"The default target must be a target property, as in x => ((ITest)x).Test; got {selector}.");

    private BundleWriter StartEvidence()
    {
        var directory = ((ITollgateBuild)this).EvidenceDirectory;
        if (HoldsRepositoryLock)
        {
            BundleWriter.RemoveAbandonedStaging(directory);
        }

        return new BundleWriter(directory, Log.Masker.Apply);
    }

    /// <summary>Writes the evidence bundle of the run.</summary>
    internal override async Task OnBuildFinishedAsync(BuildReport report)
    {
        if (cache is { IsCompletedSuccessfully: true } opened && opened.Result.Cache is { Mode: not Gates.Cache.CacheMode.Off } used && used.Hits + used.Misses + used.Stored > 0)
        {
            Log.Info(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"Result cache ({used.Mode.Word()}): {used.Hits} unit(s) reused, {used.Misses} run, {used.Stored} stored; {used.Spent.TotalSeconds:0.00} s spent on keys, reads and writes ({string.Join(", ", used.StoreNames)})"));
        }

        if (!report.WritesEvidence)
        {
            return;
        }

        var facts = await GitFactsAsync(CancellationToken.None).ConfigureAwait(false);
        var host = RunRecords.WithGitFacts(CiHost.Detect(EnvironmentVariables), facts);
        if (facts.Shallow)
        {
            Log.Warn("This clone is shallow: versioning and incremental mutation need the history (git fetch --unshallow --tags).");
        }

        foreach (var skipped in report.Results.Where(r => r.Status is TargetStatus.Skipped or TargetStatus.NotRun && StandardGates.Names.Contains(r.Name)))
        {
            if (!RunEvidence.Gates.Any(g => g.Result.Gate == skipped.Name))
            {
                RunEvidence.RecordGate(GateResult.Skipped(skipped.Name, skipped.Reason ?? skipped.Status.ToString().ToLowerInvariant()), TimeSpan.Zero);
            }
        }

        var run = RunRecords.From(report, facts, host, RootDirectory, RunEvidence.Version);
        RunEvidence.Shard ??= SplitShard();
        var (key, keyError) = SigningKey();
        Manifest manifest;
        using (key)
        {
            Provenance.Write(RunEvidence, run, RootDirectory, [this.Read(() => ((ITollgateBuild)this).ToolsDirectory)], key, [.. PolicyDefaults.Current.Tools.Keys]);
            manifest = EvidenceWriter.Write(RunEvidence, run, this.Read(() => ((ITollgateBuild)this).EvidenceHistory), key);
        }

        Log.Info(manifest.Signing!.IsSigned ? $"Evidence signed by key {manifest.Signing.KeyId}." : "Evidence unsigned (no --evidence-signing-key).");
        // Where the bundle was written: a deployment's goes beside the build bundle it promotes, not over it.
        var written = new AbsolutePath(RunEvidence.Directory);
        Log.Info($"Evidence: {written.RelativeTo(RootDirectory)}/ ({manifest.Files.Count + 1} files, outcome {manifest.Outcome}).");
        CiConsole.Publish(new CiPublication(RootDirectory, written, RunEvidence.Gates.Select(g => g.Result).ToList()));
        if (keyError is not null)
        {
            throw new BuildException($"{keyError}; the bundle was written unsigned.");
        }
    }

    // The part of a split run this is, for the manifest (a shard that is not i/N already made the gates that read it errors).
    private ShardRecord? SplitShard()
    {
        try
        {
            var shard = ((ITollgateBuild)this).CheckedShard;
            return shard.IsSplit ? new ShardRecord { Index = shard.Index, Total = shard.Total } : null;
        }
        catch (BuildException)
        {
            return null;
        }
    }

    // The signing key, when one is given; an unreadable one is an error after the bundle is written (unsigned), so the
    // run's evidence is never lost for a key.
    private (EvidenceKey? Key, string? Error) SigningKey()
    {
        if (this.Read(() => ((ITollgateBuild)this).EvidenceSigningKey) is not { Length: > 0 } given)
        {
            return (null, null);
        }

        try
        {
            var key = EvidenceKey.Read(given.Contains("-----BEGIN", StringComparison.Ordinal) ? given : Path.GetFullPath(given, RootDirectory), "--evidence-signing-key");
            if (!key.IsPrivate)
            {
                key.Dispose();
                return (null, "--evidence-signing-key is a public key; signing needs the private key (keep the public key for Verify and Deploy)");
            }

            return (key, null);
        }
        catch (InvalidDataException exception)
        {
            return (null, exception.Message);
        }
    }
}
