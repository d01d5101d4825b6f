using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.IO;

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
            if (!Directory.Exists(folder))
            {
                throw new BuildException($"--audit-evidence {folder}: no such folder; point it at a folder holding one evidence bundle per repository.");
            }

            IReadOnlyList<PortfolioEntry> entries;
            try
            {
                entries = PortfolioReader.Read(folder);
            }
            catch (InvalidDataException exception)
            {
                throw new BuildException($"--audit-evidence {folder}: {exception.Message}");
            }

            if (entries.Count == 0)
            {
                throw new BuildException($"--audit-evidence {folder}: no evidence bundle (manifest.json) below it; download each repository's artifacts/evidence into a folder of its own there.");
            }

            // What each repository's gates get from this version's policy (Policy/changes.json), beyond the version it is on.
            var upgrade = new PortfolioUpgrade(TollgateVersion.Current, from => PolicyChanges.Between(from, TollgateVersion.Current).Select(c => c.ToString()).ToList());
            var markdown = PortfolioRenderer.Markdown(entries, PolicyWeakening.Weakens, upgrade);
            AtomicFile.Write(AuditDirectory / "portfolio.md", markdown);
            AtomicFile.Write(AuditDirectory / "portfolio.json", PortfolioRenderer.Json(entries, PolicyWeakening.Weakens, upgrade));
            AtomicFile.Write(AuditDirectory / "portfolio.html", PortfolioRenderer.Html(entries, PolicyWeakening.Weakens, upgrade));
            context.Log.Always(markdown);
            var behind = entries.Count(e => e.TollgateVersion != PortfolioRenderer.Newest(entries));
            context.Log.Always($"Wrote {AuditDirectory.RelativeTo(RootDirectory)}/portfolio.md, .json and .html.");
            context.Headline = $"{entries.Count} repositories, {behind} behind the newest Tollgate";
        });
}
