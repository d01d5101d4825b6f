using Tollgate.Evidence;

namespace Tollgate;

/// <summary>
/// A finished evidence bundle, opened for reading by a tool of one's own (a platform team's dashboard, a release job):
/// verified first (every digest, every verdict, every JSON file against the bundle's schemas, shipped under
/// <c>schemas/</c>), then read through the same typed readers Tollgate uses.
/// </summary>
public sealed class EvidenceBundle
{
    private EvidenceBundle(string directory, Manifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    /// <summary>The bundle's directory.</summary>
    public string Directory { get; }

    /// <summary>Its manifest: the run, every parameter, every target, each gate's verdict and figures, every file's digest.</summary>
    public Manifest Manifest { get; }

    /// <summary>Opens the bundle at <paramref name="directory"/> (e.g. <c>artifacts/evidence</c>) once it verifies.</summary>
    /// <exception cref="InvalidDataException">It does not verify: every problem, one per line.</exception>
    public static EvidenceBundle Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        var problems = EvidenceVerifier.Verify(full);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{full} does not verify:\n  {string.Join("\n  ", problems)}");
        }

        return new EvidenceBundle(full, BundleFiles.ReadManifest(full));
    }

    /// <summary>The full document of the gate <paramref name="name"/> (e.g. <c>Coverage</c>); null when the run had no such gate.</summary>
    public GateDocument? Gate(string name)
    {
        var entry = Manifest.Gates.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase));
        return entry is null ? null : BundleFiles.ReadGate(Path.Combine(Directory, entry.File));
    }

    /// <summary>Every gate's full document, in the manifest's order.</summary>
    public IReadOnlyList<GateDocument> Gates => Manifest.Gates.Select(g => BundleFiles.ReadGate(Path.Combine(Directory, g.File))).ToList();
}
