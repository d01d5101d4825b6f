using Tollgate.Evidence;

namespace Tollgate;

/// <summary>Re-checks an evidence bundle: digests, added or missing files, verdicts.</summary>
public interface IVerify : ITollgateBuild
{
    /// <summary>The bundle to verify.</summary>
    [Parameter("The evidence bundle to verify or deploy from")]
    AbsolutePath Evidence => this.ValueOf(() => Evidence, EvidenceDirectory);

    /// <summary>Verifies the bundle.</summary>
    Target Verify => _ => _
        .Description("Verify an evidence bundle: every digest and verdict")
        .LeavesEvidenceAlone()
        .Executes(context =>
        {
            var problems = EvidenceVerifier.Verify(this.Read(() => Evidence));
            foreach (var problem in problems)
            {
                context.Log.Error(problem);
            }

            context.Headline = problems.Count == 0 ? "verified" : $"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}";
            if (problems.Count > 0)
            {
                throw new TargetFailedException($"{this.Read(() => Evidence).RelativeTo(RootDirectory)} does not verify: {problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "")}");
            }

            context.Log.Always($"{this.Read(() => Evidence).RelativeTo(RootDirectory)} verifies: every file and verdict matches its manifest.");
        });
}
