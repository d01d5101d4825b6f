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
}
