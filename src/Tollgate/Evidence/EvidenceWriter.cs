using Tollgate.IO;

namespace Tollgate.Evidence;

/// <summary>
/// Turns a run's evidence into the bundle: gate documents, <c>summary.md</c>, then <c>manifest.json</c>
/// with the SHA-256 of every other file, all in ordinal order; then swaps the staging directory in
/// place of the bundle. The bundles it replaces are kept as <c>&lt;bundle&gt;.previous.1</c> (the newest) to
/// <c>.previous.N</c>; only the one that falls off the end is deleted.
/// </summary>
internal static class EvidenceWriter
{
    /// <summary>How many earlier bundles are kept by default.</summary>
    public const int DefaultHistory = 3;

    /// <summary>
    /// Writes the bundle, keeping <paramref name="history"/> earlier ones, and returns its manifest; with
    /// <paramref name="signingKey"/>, the manifest is signed (<c>manifest.sig.json</c>, a DSSE envelope of its exact bytes).
    /// </summary>
    public static Manifest Write(BundleWriter bundle, RunRecord run, int history = DefaultHistory, EvidenceKey? signingKey = null)
    {
        var gateEntries = new List<GateEntry>();
        foreach (var (result, duration) in bundle.Gates)
        {
            var file = GateDocument.PathOf(result.Gate);
            var document = new GateDocument
            {
                Gate = result.Gate,
                Status = result.Status,
                Headline = result.Headline,
                Reasons = result.Reasons,
                Metrics = EvidenceJson.Sorted(result.Metrics),
                Thresholds = EvidenceJson.Sorted(result.Thresholds),
                Tools = EvidenceJson.Sorted(result.Tools),
                DurationSeconds = Math.Round(duration.TotalSeconds, 3),
                Reports = bundle.ReportsOf(result.Gate),
                Findings = result.Findings,
                Waivers = result.Waivers,
                Settings = result.Settings.Count == 0 ? null : EvidenceJson.Sorted(result.Settings),
                Commands = result.Commands,
                Reused = result.Reused.Count == 0 ? null : result.Reused,
            };
            AtomicFile.Write(Path.Combine(bundle.Staging, file), bundle.Mask(EvidenceJson.Serialize(document)));
            gateEntries.Add(new GateEntry
            {
                Name = result.Gate,
                Status = Lower(result.Status),
                Headline = result.Headline,
                Metrics = document.Metrics,
                Thresholds = document.Thresholds,
                Tools = document.Tools,
                DurationSeconds = document.DurationSeconds,
                File = file,
            });
        }

        if (bundle.Gates.Count > 0)
        {
            AtomicFile.Write(Path.Combine(bundle.Staging, CodeQualityExporter.FileName), bundle.Mask(CodeQualityExporter.Render(bundle.Gates.Select(g => g.Result))));
        }

        AtomicFile.Write(Path.Combine(bundle.Staging, "summary.md"), bundle.Mask(SummaryRenderer.Render(run, bundle.Gates.Select(g => g.Result).ToList())));

        var files = PortablePath.FilesBelow(bundle.Staging)
            .Where(f => f != Manifest.FileName)
            .Select(f => new FileEntry
            {
                Path = f,
                Sha256 = FileDigest.Sha256(Path.Combine(bundle.Staging, f)),
                Bytes = new FileInfo(Path.Combine(bundle.Staging, f)).Length,
            })
            .ToList();

        var manifest = new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            TollgateVersion = run.TollgateVersion,
            Repository = run.Repository,
            Commit = run.Commit,
            CommittedAt = run.CommittedAt,
            Version = run.Version,
            CiHost = run.CiHost,
            CiFiles = run.CiFiles.Count == 0 ? null : run.CiFiles,
            StartedAt = run.StartedAt,
            DurationSeconds = run.DurationSeconds,
            Requested = run.Requested,
            Outcome = run.Outcome,
            Error = run.Error,
            Parameters = run.Parameters.Where(p => !p.Secret || p.Value is null).OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            Targets = run.Targets,
            Gates = gateEntries,
            Files = files,
            Signing = signingKey is null ? new ManifestSigning { Status = "unsigned" } : new ManifestSigning
            {
                Status = "signed",
                KeyId = signingKey.Id,
                Envelope = ManifestSigning.EnvelopeFile,
            },
            Shard = bundle.Shard,
            Shards = bundle.Shards,
        };
        var manifestPath = Path.Combine(bundle.Staging, Manifest.FileName);
        AtomicFile.Write(manifestPath, bundle.Mask(EvidenceJson.Serialize(manifest)));
        if (signingKey is not null)
        {
            var envelope = DsseEnvelope.Sign(DsseEnvelope.ManifestType, File.ReadAllBytes(manifestPath), signingKey);
            AtomicFile.Write(Path.Combine(bundle.Staging, ManifestSigning.EnvelopeFile), EvidenceJson.Serialize(envelope));
        }

        Swap(bundle, history);
        return manifest;
    }

    /// <summary>The directory of the <paramref name="n"/>-th earlier bundle (1 = the newest).</summary>
    public static string PreviousOf(string directory, int n) => $"{Path.GetFullPath(directory)}.previous.{n}";

    private static void Swap(BundleWriter bundle, int history)
    {
        if (Directory.Exists(bundle.Directory))
        {
            var oldest = PreviousOf(bundle.Directory, Math.Max(history, 1));
            if (Directory.Exists(oldest))
            {
                Directory.Delete(oldest, recursive: true);
            }

            for (var n = Math.Max(history, 1) - 1; n >= 1; n--)
            {
                if (Directory.Exists(PreviousOf(bundle.Directory, n)))
                {
                    Directory.Move(PreviousOf(bundle.Directory, n), PreviousOf(bundle.Directory, n + 1));
                }
            }

            Directory.Move(bundle.Directory, PreviousOf(bundle.Directory, 1));
            if (history == 0)
            {
                Directory.Delete(PreviousOf(bundle.Directory, 1), recursive: true);
            }
        }

        Directory.Move(bundle.Staging, bundle.Directory);
    }

    private static string Lower(GateStatus status) => status.ToString().ToLowerInvariant();
}
