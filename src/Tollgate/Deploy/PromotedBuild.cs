using System.Text.Json;
using Tollgate.Evidence;

namespace Tollgate.Deploy;

/// <summary>What a verified evidence bundle promotes: its version, commit and image.</summary>
/// <param name="Version">The version the bundle packaged.</param>
/// <param name="Commit">The commit it proves.</param>
/// <param name="Image">The image to deploy, when the environment deploys one.</param>
/// <param name="SignedBy">The key id that signed the bundle; null: unsigned.</param>
internal sealed partial record PromotedBuild(string Version, string Commit, string? Image, string? SignedBy = null)
{
    /// <summary>
    /// Reads the bundle at <paramref name="bundle"/> and refuses it, naming the reason, when it does not
    /// verify, did not succeed, has a gate that did not pass or lacks one of <paramref name="requiredGates"/>,
    /// belongs to another commit than <paramref name="head"/>, or has no version.
    /// </summary>
    /// <exception cref="InvalidDataException">The refusal.</exception>
    public static PromotedBuild From(string bundle, string head, string? imageRepository, IReadOnlyList<string> requiredGates, IReadOnlyList<EvidenceKey>? trustedKeys = null)
    {
        var problems = EvidenceVerifier.Verify(bundle, trustedKeys);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"the evidence at {bundle} does not verify: {problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "")}; deploy only what a build proved.");
        }

        var manifest = BundleFiles.ReadManifest(bundle);
        if (manifest.Outcome != "succeeded")
        {
            throw new InvalidDataException($"the evidence at {bundle} is of a run that {manifest.Outcome}{(manifest.Error is null ? "" : $" ({manifest.Error})")}; deploy only the bundle of a run that succeeded.");
        }

        var failed = manifest.Gates.Where(g => g.Status != "passed").Select(g => $"{g.Name} {g.Status}").ToList();
        if (failed.Count > 0)
        {
            throw new InvalidDataException($"the evidence at {bundle} has gates that did not pass ({string.Join(", ", failed)}); fix them and build again.");
        }

        var missing = requiredGates.Where(g => !manifest.Gates.Any(m => m.Name == g)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"the evidence at {bundle} has no result of the required gate(s) {string.Join(", ", missing)}; deploy the bundle of a Ci run (or name the gates you require with --required-gates).");
        }

        if (manifest.Commit is null || manifest.Commit != head)
        {
            throw new InvalidDataException($"the evidence at {bundle} belongs to commit {manifest.Commit ?? "(none)"}, not to {head}; download the bundle of this commit's build.");
        }

        if (manifest.Version is null)
        {
            throw new InvalidDataException($"the evidence at {bundle} has no packaged version; deploy from the bundle of a Ci (or Package) run.");
        }

        if (!SemVer().IsMatch(manifest.Version))
        {
            throw new InvalidDataException($"the evidence at {bundle} names version '{manifest.Version.ReplaceLineEndings("\\n")}', which is not a SemVer 2.0 version; only a version Package computed deploys.");
        }

        string? image = null;
        var artifacts = Path.Combine(bundle, "artifacts.json");
        if (imageRepository is not null && File.Exists(artifacts))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(artifacts));
            image = document.RootElement.GetProperty("artifacts").EnumerateArray()
                .Where(a => a.GetProperty("kind").GetString() == "image" && a.GetProperty("name").GetString() == imageRepository)
                .Select(a => $"{imageRepository}:{a.GetProperty("version").GetString()}").FirstOrDefault();
        }

        return new PromotedBuild(
            manifest.Version, manifest.Commit, image ?? (imageRepository is null ? null : $"{imageRepository}:{manifest.Version}"), manifest.Signing?.IsSigned == true ? manifest.Signing.KeyId : null);
    }

    // semver.org's regular expression for a SemVer 2.0 version.
    [System.Text.RegularExpressions.GeneratedRegex(@"\A(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?\z")]
    private static partial System.Text.RegularExpressions.Regex SemVer();
}
