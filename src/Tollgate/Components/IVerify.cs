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
            var bundle = this.Read(() => Evidence);
            BundleVerification.Outcome outcome;
            try
            {
                outcome = BundleVerification.Run(bundle, bundle.RelativeTo(RootDirectory), [.. this.Read(() => EvidencePublicKey).Select(k => (string)k)]);
            }
            catch (InvalidDataException exception)
            {
                throw new TargetFailedException(exception.Message);
            }

            foreach (var problem in outcome.Problems)
            {
                context.Log.Error(problem);
            }

            context.Headline = outcome.Problems.Count == 0 ? "verified" : $"{outcome.Problems.Count} problem{(outcome.Problems.Count == 1 ? "" : "s")}";
            if (outcome.Problems.Count > 0)
            {
                throw new TargetFailedException(outcome.Summary);
            }

            context.Log.Always(outcome.Summary);
        });
}
