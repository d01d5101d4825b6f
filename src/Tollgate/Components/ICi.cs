using Tollgate.Engine;

namespace Tollgate;

/// <summary>
/// The CI job: every gate runs (each proceeding after another's failure, so the evidence is complete),
/// Package only when all passed, and the build fails at the end if any gate failed.
/// </summary>
public interface ICi : ILint, ITest, ICoverage, IMutation, IArchitectureTests, ISecurityScan, IPackage
{
    /// <summary>Runs every gate, then Package.</summary>
    Target Ci => _ => _
        .Description("Every gate, then Package when all passed")
        .DependsOn(Lint, Test, Coverage, Mutation, ArchitectureTests, SecurityScan)
        .Triggers(Package);
}
