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

    /// <summary>The registry of the portfolio's projects.</summary>
    [Parameter("The portfolio's registry (projects, their CI template, environments and waivers; schema: schemas/portfolio.schema.json); default .nuke/portfolio.json when it exists")]
    AbsolutePath? AuditRegistry => this.ValueOf(() => AuditRegistry, null);

    /// <summary>How many weeks the dashboard's trend charts show.</summary>
    [Parameter("Weeks the dashboard's trend charts show, ending now")]
    [Bounds(1, 520)]
    int AuditWeeks => this.ValueOf(() => AuditWeeks, 12);

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
            IReadOnlyList<string> latest;
            try
            {
                using var store = Portfolio.RunStore.Open(StoreDatabase());
                IngestInto(store, folder, context);
                WriteMetrics(store, context, DateTimeOffset.UtcNow);
                // Each repository's latest verified bundle, as the store names them: the portfolio's table has a line per repository however many runs it kept.
                latest = store.LatestPaths().Select(p => p.Path).ToList();
            }
            catch (InvalidDataException exception)
            {
                throw new BuildException(exception.Message);
            }

            // What each repository's gates get from this version's policy (Policy/changes.json), beyond the version it is on.
            var upgrade = new PortfolioUpgrade(TollgateVersion.Current, from => PolicyChanges.Between(from, TollgateVersion.Current).Select(c => c.ToString()).ToList());
            PortfolioAudit.Outcome outcome;
            try
            {
                outcome = PortfolioAudit.Run(folder, latest, folder, AuditDirectory, PolicyWeakening.Weakens, upgrade);
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
    private Portfolio.StoreDatabase StoreDatabase() => Portfolio.StoreDatabase.Of(this.Read(() => AuditDatabase) ?? (AuditDirectory / "runs.sqlite"), RootDirectory);

    // The handbook's metrics over the window, the registry's compliance and the dashboard, from the store: metrics.md and .json,
    // compliance.md and .json, dashboard.html and projects/*.html beside the portfolio.
    private void WriteMetrics(Portfolio.RunStore store, TargetContext context, DateTimeOffset end)
    {
        var targets = Portfolio.PortfolioTargets.Load(this.Read(() => AuditTargets) is { } file ? (string)file : null);
        var view = Portfolio.PortfolioView.Of(store, RegistryOrNull(context), targets, end, TimeSpan.FromDays(this.Read(() => AuditWindow)), this.Read(() => AuditWeeks),
            TollgateVersion.Current, (name, value) => PolicyWeakening.Weakens(new ParameterRecord { Name = name, Value = value, Source = "bundle", Overridden = true }));
        var metrics = view.Metrics;
        Directory.CreateDirectory(AuditDirectory);
        IO.AtomicFile.Write(AuditDirectory / "metrics.md", Portfolio.MetricsReport.Markdown(metrics, end, view.Window));
        IO.AtomicFile.Write(AuditDirectory / "metrics.json", Portfolio.MetricsReport.Json(metrics, end, view.Window));
        if (view.Compliance is { } compliance)
        {
            IO.AtomicFile.Write(AuditDirectory / "compliance.md", Portfolio.ComplianceText.Markdown(compliance));
            IO.AtomicFile.Write(AuditDirectory / "compliance.json", Portfolio.ComplianceText.Json(compliance));
            context.Log.Always(Portfolio.ComplianceText.Markdown(compliance));
        }

        view.WriteDashboard(AuditDirectory);
        context.Log.Always($"Metrics over {view.Window.TotalDays:0} days: {metrics.Count(m => m.Rating == "green")} green, {metrics.Count(m => m.Rating == "amber")} amber, {metrics.Count(m => m.Rating == "red")} red, {metrics.Count(m => m.Rating == "grey")} without data (artifacts/audit/metrics.md, .json); the dashboard is artifacts/audit/dashboard.html.");
    }

    // The registry named by --audit-registry, or .nuke/portfolio.json when there is one; null without either.
    private Portfolio.PortfolioRegistry? RegistryOrNull(TargetContext context)
    {
        var given = this.Read(() => AuditRegistry);
        var file = given ?? (RootDirectory / ".nuke" / "portfolio.json");
        if (given is null && !File.Exists(file))
        {
            context.Log.Info("No registry (.nuke/portfolio.json, or --audit-registry): compliance is not reported.");
            return null;
        }

        return Portfolio.PortfolioRegistry.Load(file, given is null ? ".nuke/portfolio.json" : file.RelativeTo(RootDirectory).ToString());
    }

    // Every bundle below the folder into the store: what is new is read, what does not verify is reported and left out.
    private static void IngestInto(Portfolio.RunStore store, string folder, TargetContext context)
    {
        var ingested = new Portfolio.BundleIngest(store, context.Log.Info).Ingest(folder);
        foreach (var (path, problem) in ingested.Refused)
        {
            context.Log.Warn($"{path} is left out of the store of runs: it does not verify ({problem})");
        }

        context.Log.Always($"Store of runs {store.Database.Name}: {ingested.Added} bundle(s) added, {ingested.Known} already held, {ingested.Unchanged} unchanged since the last ingest, {ingested.Refused.Count} refused.");
    }
}
