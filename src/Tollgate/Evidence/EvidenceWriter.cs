using Tollgate.IO;

namespace Tollgate.Evidence;

/// <summary>
/// Turns a run's evidence into the bundle: gate documents, <c>summary.md</c>, then <c>manifest.json</c>
/// with the SHA-256 of every other file, all in ordinal order; then swaps the staging directory in
/// place of the bundle. The bundle it replaces is kept as <c>&lt;bundle&gt;.previous</c>.
/// </summary>
public static class EvidenceWriter
{
    /// <summary>Writes the bundle and returns its manifest.</summary>
    public static Manifest Write(EvidenceBundle bundle, RunRecord run)
    {
        var gateEntries = new List<GateEntry>();
        foreach (var (result, duration) in bundle.Gates)
        {
            var file = GateDocument.PathOf(result.Gate);
            var document = new GateDocument(
                result.Gate, result.Status, result.Headline, result.Reasons,
                EvidenceJson.Sorted(result.Metrics), EvidenceJson.Sorted(result.Thresholds), EvidenceJson.Sorted(result.Tools),
                Math.Round(duration.TotalSeconds, 3), bundle.ReportsOf(result.Gate), result.Findings, result.Waivers);
            AtomicFile.Write(Path.Combine(bundle.Staging, file), EvidenceJson.Serialize(document));
            gateEntries.Add(new GateEntry(
                result.Gate, Lower(result.Status), result.Headline, document.Metrics, document.Thresholds, document.Tools, document.DurationSeconds, file));
        }

        if (bundle.Gates.Count > 0)
        {
            AtomicFile.Write(Path.Combine(bundle.Staging, CodeQualityExporter.FileName), CodeQualityExporter.Render(bundle.Gates.Select(g => g.Result)));
        }

        AtomicFile.Write(Path.Combine(bundle.Staging, "summary.md"), SummaryRenderer.Render(run, bundle.Gates.Select(g => g.Result).ToList()));

        var files = PortablePath.FilesBelow(bundle.Staging)
            .Where(f => f != Manifest.FileName)
            .Select(f => new FileEntry(f, FileDigest.Sha256(Path.Combine(bundle.Staging, f)), new FileInfo(Path.Combine(bundle.Staging, f)).Length))
            .ToList();

        var manifest = new Manifest(
            Manifest.CurrentSchemaVersion, run.TollgateVersion, run.Repository, run.Commit, run.Version, run.CiHost,
            run.StartedAt, run.DurationSeconds, run.Requested, run.Outcome, run.Error,
            run.Parameters.Where(p => !p.Secret || p.Value is null).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            run.Targets, gateEntries, files);
        AtomicFile.Write(Path.Combine(bundle.Staging, Manifest.FileName), EvidenceJson.Serialize(manifest));

        Swap(bundle);
        return manifest;
    }

    private static void Swap(EvidenceBundle bundle)
    {
        var previous = bundle.Directory + ".previous";
        if (Directory.Exists(bundle.Directory))
        {
            if (Directory.Exists(previous))
            {
                Directory.Delete(previous, recursive: true);
            }

            Directory.Move(bundle.Directory, previous);
        }

        Directory.Move(bundle.Staging, bundle.Directory);
    }

    private static string Lower(GateStatus status) => status.ToString().ToLowerInvariant();
}
