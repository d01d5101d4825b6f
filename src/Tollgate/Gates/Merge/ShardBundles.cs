using Tollgate.Evidence;

namespace Tollgate.Gates.Merge;

/// <summary>A shard's bundle: where it is and its manifest.</summary>
internal sealed record ShardBundle(string Directory, Manifest Manifest)
{
    /// <summary>The shard it is.</summary>
    public ShardRecord Shard => Manifest.Shard!;

    private readonly Dictionary<string, GateDocument?> gates = new(StringComparer.Ordinal);

    /// <summary>A gate's document, when the shard has one (read once: the merge asks for each several times).</summary>
    public GateDocument? Gate(string name)
    {
        if (!gates.TryGetValue(name, out var document))
        {
            var file = Path.Combine(Directory, GateDocument.PathOf(name));
            gates[name] = document = File.Exists(file) ? BundleFiles.ReadGate(file) : null;
        }

        return document;
    }
}

/// <summary>
/// The bundles of a split run, checked before anything is merged: each verifies and is a shard's; together they are every
/// shard of one total exactly once, of one commit and one Tollgate version (and of the commit being merged).
/// </summary>
internal static class ShardBundles
{
    /// <summary>The bundles at <paramref name="paths"/>, by shard index.</summary>
    /// <param name="paths">The shards' bundle directories.</param>
    /// <param name="head">The commit being merged, when known.</param>
    /// <param name="trusted">Public keys one of which must have signed every shard, as Verify and Deploy require it; null: no signature required.</param>
    /// <exception cref="InvalidDataException">The first reason they cannot be merged, naming the bundle and the fix.</exception>
    public static IReadOnlyList<ShardBundle> Read(IReadOnlyList<string> paths, string? head, IReadOnlyList<EvidenceKey>? trusted = null)
    {
        if (paths.Count == 0)
        {
            throw new InvalidDataException("--merge-evidence names no bundle: give the evidence directory of every shard of the split run.");
        }

        var bundles = new List<ShardBundle>();
        foreach (var path in paths)
        {
            var manifestFile = Path.Combine(path, Manifest.FileName);
            if (!File.Exists(manifestFile))
            {
                throw new InvalidDataException($"--merge-evidence {path} holds no {Manifest.FileName}: give each shard's evidence directory (its artifacts/evidence).");
            }

            var problems = EvidenceVerifier.Verify(path, trusted);
            if (problems.Count > 0)
            {
                throw new InvalidDataException($"the shard bundle at {path} does not verify: {string.Join("; ", problems)}; nothing was merged (download it again, or sign the shards with a trusted key).");
            }

            var manifest = BundleFiles.ReadManifest(path);
            if (manifest.Shard is null)
            {
                throw new InvalidDataException($"the bundle at {path} is not a shard's (its manifest names no shard): merge the bundles of a run split with --shard i/N.");
            }

            bundles.Add(new ShardBundle(path, manifest));
        }

        var total = bundles[0].Shard.Total;
        var other = bundles.FirstOrDefault(b => b.Shard.Total != total);
        if (other is not null)
        {
            throw new InvalidDataException($"{other.Directory} is shard {other.Shard.Index}/{other.Shard.Total}, {bundles[0].Directory} is of {total} shards: merge the shards of one split run.");
        }

        foreach (var twice in bundles.GroupBy(b => b.Shard.Index).Where(g => g.Count() > 1))
        {
            throw new InvalidDataException($"shard {twice.Key}/{total} is given twice ({string.Join(", ", twice.Select(b => b.Directory))}): give each shard's bundle once.");
        }

        var missing = Enumerable.Range(1, total).Except(bundles.Select(b => b.Shard.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"shard {string.Join(", ", missing.Select(m => $"{m}/{total}"))} {(missing.Count == 1 ? "is" : "are")} missing (given: {string.Join(", ", bundles.Select(b => b.Shard.Index).Order())}): merge every shard's bundle, or run the missing one again.");
        }

        var first = bundles.OrderBy(b => b.Shard.Index).First();
        foreach (var bundle in bundles)
        {
            if (bundle.Manifest.Commit != first.Manifest.Commit)
            {
                throw new InvalidDataException(
                    $"shard {bundle.Shard.Index}/{total} is of commit {bundle.Manifest.Commit ?? "(none)"}, shard {first.Shard.Index}/{total} of {first.Manifest.Commit ?? "(none)"}: merge the shards of one commit.");
            }

            if (bundle.Manifest.TollgateVersion != first.Manifest.TollgateVersion)
            {
                throw new InvalidDataException(
                    $"shard {bundle.Shard.Index}/{total} was built by Tollgate {bundle.Manifest.TollgateVersion}, shard {first.Shard.Index}/{total} by {first.Manifest.TollgateVersion}: run every shard with one Tollgate version.");
            }
        }

        if (head is not null && first.Manifest.Commit is not null && first.Manifest.Commit != head)
        {
            throw new InvalidDataException($"the shards are of commit {first.Manifest.Commit}, this checkout is at {head}: merge in a job of the same commit.");
        }

        return bundles.OrderBy(b => b.Shard.Index).ToList();
    }
}
