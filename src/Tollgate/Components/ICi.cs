namespace Tollgate;

/// <summary>
/// The CI job: every gate runs (each proceeding after another's failure, so the evidence is complete),
/// Package only when all passed, and the build fails at the end if any gate failed. Each gate declares only
/// what it needs, so Lint and ArchitectureTests run beside the tests (<c>--max-parallel</c>); the NuGet audit
/// waits for every reader of the obj folders, and Mutation runs last: it is the longest, and Stryker's own
/// builds must not change what the other gates read. On a pull request the PullRequest report comes last.
/// </summary>
public interface ICi : ILint, ITest, ICoverage, IMutation, IArchitectureTests, ISecurityScan, IPackage, IPullRequestReport
{
    /// <summary>Runs every gate, then Package.</summary>
    Target Ci => _ => _
        .Description("Every gate, then Package when all passed")
        .DependsOn(Lint, Test, Coverage, ArchitectureTests, SecurityScan, Mutation, PullRequestReport)
        .Triggers(Package);
}
