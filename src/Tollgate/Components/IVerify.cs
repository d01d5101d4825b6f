using Tollgate.Evidence;

namespace Tollgate;

/// <summary>Re-checks an evidence bundle: digests, added or missing files, verdicts.</summary>
public interface IVerify : ITollgateBuild
{
    /// <summary>The bundle to verify.</summary>
    [Parameter("The evidence bundle to verify or deploy from")]
    AbsolutePath Evidence => this.ValueOf(() => Evidence, EvidenceDirectory);

    /// <summary>Public keys one of which must have signed the bundle.</summary>
    [Parameter("PEM public keys (paths) one of which must have signed the bundle's manifest; a bundle signed by another key, or unsigned, does not verify")]
    AbsolutePath[] EvidencePublicKey => this.ValueOf(() => EvidencePublicKey, []);

    /// <summary>Verifies the bundle.</summary>
    Target Verify => _ => _
        .Description("Verify an evidence bundle: every digest and verdict")
        .LeavesEvidenceAlone()
        .Executes(context =>
        {
            List<EvidenceKey> keys;
            try
            {
                keys = this.Read(() => EvidencePublicKey).Select(path => EvidenceKey.Read(path, "--evidence-public-key")).ToList();
            }
            catch (InvalidDataException exception)
            {
                throw new TargetFailedException(exception.Message);
            }

            IReadOnlyList<string> problems;
            try
            {
                problems = EvidenceVerifier.Verify(this.Read(() => Evidence), keys.Count == 0 ? null : keys);
            }
            finally
            {
                keys.ForEach(k => k.Dispose());
            }

            foreach (var problem in problems)
            {
                context.Log.Error(problem);
            }

            context.Headline = problems.Count == 0 ? "verified" : $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}";
            if (problems.Count > 0)
            {
                throw new TargetFailedException($"{this.Read(() => Evidence).RelativeTo(RootDirectory)} does not verify: {problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "")}");
            }

            var signing = EvidenceSigningOf(this.Read(() => Evidence));
            context.Log.Always($"{this.Read(() => Evidence).RelativeTo(RootDirectory)} verifies: every file and verdict matches its manifest; "
                + (signing?.IsSigned != true ? "the bundle is unsigned." : keys.Count > 0 ? $"signed by trusted key {signing.KeyId}." : $"signed by key {signing.KeyId}, not checked (give --evidence-public-key to check it)."));
        });

    private static ManifestSigning? EvidenceSigningOf(AbsolutePath bundle) =>
        BundleFiles.ReadManifest(bundle).Signing;
}
