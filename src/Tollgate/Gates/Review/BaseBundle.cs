using Tollgate.Evidence;

namespace Tollgate.Gates.Review;

/// <summary>The bundle of the pull request's target branch: its commit, every gate's figures and findings.</summary>
/// <param name="Directory">The bundle's directory.</param>
/// <param name="Commit">The commit it was built from.</param>
/// <param name="Gates">Each gate's document, by gate name.</param>
internal sealed record BaseBundle(string Directory, string? Commit, IReadOnlyDictionary<string, GateDocument> Gates)
{
    /// <summary>
    /// Reads the bundle at <paramref name="path"/> (its directory or its <c>manifest.json</c>). A bundle that does not
    /// verify is refused: a report must not compare with figures nobody can trust.
    /// </summary>
    /// <exception cref="InvalidDataException">No bundle there, or it does not verify; the message names the path and the fix.</exception>
    public static BaseBundle Read(string path)
    {
        var directory = File.Exists(path) && Path.GetFileName(path) == Manifest.FileName
            ? Path.GetDirectoryName(Path.GetFullPath(path))!
            // A downloaded artifact may keep the bundle's own path below the folder it was put in.
            : new[] { path, Path.Combine(path, "evidence"), Path.Combine(path, "artifacts", "evidence") }.FirstOrDefault(d => File.Exists(Path.Combine(d, Manifest.FileName))) ?? path;
        if (!File.Exists(Path.Combine(directory, Manifest.FileName)))
        {
            throw new InvalidDataException(
                $"--base-evidence {path} holds no {Manifest.FileName}; give the directory of the target branch's evidence bundle (the artifact of its last Ci run).");
        }

        var problems = EvidenceVerifier.Verify(directory);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"the base bundle at {path} does not verify: {problems[0]}; download the target branch's bundle again.");
        }

        var manifest = BundleFiles.ReadManifest(directory);
        var gates = new Dictionary<string, GateDocument>(StringComparer.Ordinal);
        foreach (var gate in manifest.Gates)
        {
            var file = Path.Combine(directory, gate.File);
            if (File.Exists(file))
            {
                gates[gate.Name] = BundleFiles.ReadGate(file);
            }
        }

        return new BaseBundle(directory, manifest.Commit, gates);
    }
}
