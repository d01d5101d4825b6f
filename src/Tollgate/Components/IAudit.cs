using Tollgate.Engine;
using Tollgate.Evidence;

namespace Tollgate;

/// <summary>
/// The platform team's view: reads many repositories' evidence bundles and prints the portfolio —
/// Tollgate version (flagging drift behind the newest), each gate's verdict and figure, overrides that
/// weaken a default, waivers and expired suppressions — as Markdown, JSON and one static HTML page.
/// </summary>
public interface IAudit : ITollgateBuild
{
    /// <summary>The folder of bundles.</summary>
    [Parameter("A folder of evidence bundles, one per repository (each a directory holding manifest.json)")]
    AbsolutePath? AuditEvidence => this.ValueOf(() => AuditEvidence, null);

    /// <summary>The store of runs.</summary>
    [Parameter("The store of runs every ingested bundle goes into: an SQLite file (default: artifacts/audit/runs.sqlite), or a PostgreSQL connection string (Host=…;Database=…) or postgresql:// address")]
    [Secret]
    string? AuditDatabase => this.ValueOf(() => AuditDatabase, null);

    /// <summary>The window the metrics cover.</summary>
    [Parameter("Days the portfolio's metrics cover, ending now (pipeline success rate, security pass rate, deployment frequency, change failure rate, time to recovery)")]
    [Bounds(1, 3660)]
    int AuditWindow => this.ValueOf(() => AuditWindow, 7);

    /// <summary>The targets, overriding the handbook's.</summary>
    [Parameter("A JSON file of metric targets over the handbook's defaults, e.g. { \"coverage\": { \"target\": 85, \"better\": \"higher\" } }")]
    AbsolutePath? AuditTargets => this.ValueOf(() => AuditTargets, null);

    /// <summary>Where the audit's reports go.</summary>
    AbsolutePath AuditDirectory => ArtifactsDirectory / "audit";

    /// <summary>Audits the portfolio.</summary>
    Target Audit => _ => _
        .Description("Read a folder of evidence bundles and report the portfolio (Markdown, JSON, HTML)")
        .Requires(() => this.Read(() => AuditEvidence) != null, "--audit-evidence")
        .LeavesEvidenceAlone()
        .Executes(context =>
        {
            var folder = this.Read(() => AuditEvidence)!;
            WriteMetrics(IngestInto(StoreDatabaseOrError(), folder, context), context);
            // What each repository's gates get from this version's policy (Policy/changes.json), beyond the version it is on.
            var upgrade = new PortfolioUpgrade(TollgateVersion.Current, from => PolicyChanges.Between(from, TollgateVersion.Current).Select(c => c.ToString()).ToList());
            PortfolioAudit.Outcome outcome;
            try
            {
                outcome = PortfolioAudit.Run(folder, folder, AuditDirectory, PolicyWeakening.Weakens, upgrade);
            }
            catch (InvalidDataException exception)
            {
                throw new BuildException(exception.Message);
            }

            context.Log.Always(outcome.Markdown);
            context.Log.Always($"Wrote {AuditDirectory.RelativeTo(RootDirectory)}/portfolio.md, .json and .html.");
            context.Headline = $"{outcome.Repositories} repositories, {outcome.Behind} behind the newest Tollgate";
        });

    // The store named by --audit-database, or the default file.
    private Portfolio.StoreDatabase StoreDatabaseOrError()
    {
        try
        {
            return Portfolio.StoreDatabase.Of(this.Read(() => AuditDatabase) ?? (AuditDirectory / "runs.sqlite"), RootDirectory);
        }
        catch (InvalidDataException exception)
        {
            throw new BuildException(exception.Message);
        }
    }

    // The handbook's metrics over the window, from the store: metrics.md and metrics.json beside the portfolio.
    private void WriteMetrics(Portfolio.StoreDatabase database, TargetContext context)
    {
        try
        {
            var targets = Portfolio.PortfolioTargets.Load(this.Read(() => AuditTargets) is { } file ? (string)file : null);
            using var store = Portfolio.RunStore.Open(database);
            var (end, window) = (DateTimeOffset.UtcNow, TimeSpan.FromDays(this.Read(() => AuditWindow)));
            var metrics = Portfolio.DeliveryMetrics.Of(store, end, window, targets);
            Directory.CreateDirectory(AuditDirectory);
            IO.AtomicFile.Write(AuditDirectory / "metrics.md", Portfolio.MetricsReport.Markdown(metrics, end, window));
            IO.AtomicFile.Write(AuditDirectory / "metrics.json", Portfolio.MetricsReport.Json(metrics, end, window));
            context.Log.Always($"Metrics over {window.TotalDays:0} days: {metrics.Count(m => m.Rating == "green")} green, {metrics.Count(m => m.Rating == "amber")} amber, {metrics.Count(m => m.Rating == "red")} red, {metrics.Count(m => m.Rating == "grey")} without data (artifacts/audit/metrics.md, .json).");
        }
        catch (InvalidDataException exception)
        {
            throw new BuildException(exception.Message);
        }
    }

    // Every bundle below the folder into the store: what is new is read, what does not verify is reported and left out.
    private static Portfolio.StoreDatabase IngestInto(Portfolio.StoreDatabase database, string folder, TargetContext context)
    {
        try
        {
            using var store = Portfolio.RunStore.Open(database);
            var ingested = new Portfolio.BundleIngest(store, context.Log.Info).Ingest(folder);
            foreach (var (path, problem) in ingested.Refused)
            {
                context.Log.Warn($"{path} is left out of the store of runs: it does not verify ({problem})");
            }

            context.Log.Always($"Store of runs {database.Name}: {ingested.Added} bundle(s) added, {ingested.Known} already held, {ingested.Unchanged} unchanged since the last ingest, {ingested.Refused.Count} refused.");
            return database;
        }
        catch (InvalidDataException exception)
        {
            throw new BuildException(exception.Message);
        }
    }
}
