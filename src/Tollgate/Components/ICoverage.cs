using Tollgate.Engine;

namespace Tollgate;

/// <summary>The Coverage gate: Hold line coverage to the policy (default 70 %).</summary>
public interface ICoverage : ITollgateBuild
{
    /// <summary>Hold line coverage to the policy (default 70 %).</summary>
    Target Coverage => _ => _
        .Description("Hold line coverage to the policy (default 70 %)")
        .ProceedAfterFailure()
        .Executes(context => GateTarget.NotImplemented(this, context, "Coverage"));
}
