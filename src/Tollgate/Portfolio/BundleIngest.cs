using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Portfolio;

/// <summary>What one ingest did.</summary>
/// <param name="Added">Bundles stored for the first time.</param>
/// <param name="Known">Bundles read that the store already held (the same bundle again, from here or elsewhere).</param>
/// <param name="Unchanged">Bundles not read at all: their manifest is as it was when last ingested.</param>
/// <param name="Refused">Bundles that do not verify, each with its first problem; none of them is stored.</param>
internal sealed record IngestOutcome(int Added, int Known, int Unchanged, IReadOnlyList<(string Path, string Problem)> Refused);

/// <summary>
/// Ingests every evidence bundle below a folder (a directory holding <c>manifest.json</c>, at any depth, in any order) into
/// the store: a bundle is verified first (one that does not verify is reported and left out), stored by the SHA-256 of its
/// manifest (so ingesting it twice, or a copy of it elsewhere, changes nothing), and its path remembered with its manifest's
/// size and time, so the next ingest reads only what is new or changed.
/// </summary>
internal sealed class BundleIngest(RunStore store, Action<string>? progress = null)
{
    // Bundles read (verified, in parallel) and then stored (in one transaction) at a time: a crash loses at most this many, which the next ingest reads again.
    private const int Batch = 256;

    /// <summary>Ingests the bundles below <paramref name="folder"/>.</summary>
    public IngestOutcome Ingest(string folder)
    {
        var (added, known, unchanged, done) = (0, 0, 0, 0);
        var refused = new List<(string, string)>();
        var stamps = store.Stamps();
        var pending = new List<(string Directory, string Path, string Stamp)>();
        foreach (var directory in BundlesBelow(folder))
        {
            var path = PortablePath.Relative(folder, directory);
            var manifest = new FileInfo(Path.Combine(directory, Manifest.FileName));
            var stamp = string.Create(CultureInfo.InvariantCulture, $"{manifest.Length}:{manifest.LastWriteTimeUtc.Ticks}");
            if (stamps.TryGetValue(path, out var before) && before == stamp)
            {
                unchanged++;
            }
            else
            {
                pending.Add((directory, path, stamp));
            }
        }

        foreach (var batch in pending.Chunk(Batch))
        {
            var read = batch.AsParallel().AsOrdered().Select(b => Read(b.Directory, b.Path, b.Stamp)).ToList();
            refused.AddRange(read.Where(r => r.Problem is not null).Select(r => (r.Path, r.Problem!)));
            var stored = read.Where(r => r.Bundle is not null).Select(r => r.Bundle!).ToList();
            var fresh = store.AddAll(stored);
            (added, known, done) = (added + fresh, known + stored.Count - fresh, done + batch.Length);
            if (pending.Count > Batch)
            {
                progress?.Invoke($"Ingested {done} of {pending.Count} new or changed bundles…");
            }
        }

        return new IngestOutcome(added, known, unchanged, refused);
    }

    // One bundle verified and read into what the store keeps, or why it does not verify.
    private static (string Path, StoredBundle? Bundle, string? Problem) Read(string directory, string path, string stamp)
    {
        EvidenceBundle bundle;
        try
        {
            bundle = EvidenceBundle.Open(directory);
        }
        catch (InvalidDataException exception)
        {
            return (path, null, exception.Message.Split('\n').Skip(1).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? exception.Message);
        }

        var identity = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, Manifest.FileName))));
        var run = Run(bundle.Manifest, identity, path);
        return (path, new StoredBundle(run, bundle.Manifest.Gates, Deployment(directory, run), Details(bundle.Manifest), stamp), null);
    }

    /// <summary>The bundles below <paramref name="folder"/>, in path order; a bundle's own folders are not searched for more.</summary>
    public static IReadOnlyList<string> BundlesBelow(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<string>([Path.GetFullPath(folder)]);
        var walk = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        while (pending.TryPop(out var directory))
        {
            if (File.Exists(Path.Combine(directory, Manifest.FileName)))
            {
                found.Add(directory);
                continue;
            }

            foreach (var below in Directory.EnumerateDirectories(directory, "*", walk))
            {
                pending.Push(below);
            }
        }

        return found.Order(StringComparer.Ordinal).ToList();
    }

    private static StoredRun Run(Manifest manifest, string identity, string path) => new(
        identity, manifest.Repository.Name, manifest.Repository.Remote, manifest.Commit, manifest.Version, manifest.StartedAt, manifest.DurationSeconds, manifest.Outcome,
        manifest.TollgateVersion, string.Join(' ', manifest.Requested), manifest.CiHost.Name, path,
        manifest.CiHost.Details.TryGetValue("branch", out var branch) ? branch : null, manifest.CommittedAt);

    // The CI files it ran under, and the parameters the repository set (a secret's value is never in a manifest, nor here).
    private static StoredRunDetails Details(Manifest manifest) => new(
        manifest.CiFiles ?? [],
        manifest.Parameters.Where(p => p.Overridden).Select(p => (p.Name, p.Secret ? null : p.Value)).ToList());

    // A Deploy run's record of what it did, when the bundle holds one (a verified bundle's files are as its manifest says).
    private static StoredDeployment? Deployment(string directory, StoredRun run)
    {
        var file = Path.Combine(directory, "deployment.json");
        if (!File.Exists(file))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new StoredDeployment(
            run.Bundle, run.Repository, Text("environment") ?? "", Text("action") ?? "deploy", Text("version") ?? "", Text("commit"),
            root.GetProperty("at").GetDateTimeOffset(), Text("outcome") ?? "", Text("health"));
    }
}
