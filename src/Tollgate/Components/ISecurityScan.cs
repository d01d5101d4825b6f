using Tollgate.Engine;

namespace Tollgate;

/// <summary>The SecurityScan gate: Scan for vulnerable packages, misconfigurations and secrets.</summary>
public interface ISecurityScan : ITollgateBuild
{
    /// <summary>Scan for vulnerable packages, misconfigurations and secrets.</summary>
    Target SecurityScan => _ => _
        .Description("Scan for vulnerable packages, misconfigurations and secrets")
        .ProceedAfterFailure()
        .Executes(context => GateTarget.NotImplemented(this, context, "SecurityScan"));
}
