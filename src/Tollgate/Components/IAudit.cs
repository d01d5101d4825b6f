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
            IngestInto(StoreDatabaseOrError(), folder, context);
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

    // Every bundle below the folder into the store: what is new is read, what does not verify is reported and left out.
    private static void IngestInto(Portfolio.StoreDatabase database, string folder, TargetContext context)
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
        }
        catch (InvalidDataException exception)
        {
            throw new BuildException(exception.Message);
        }
    }
}
