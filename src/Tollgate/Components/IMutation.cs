using Tollgate.Engine;

namespace Tollgate;

/// <summary>The Mutation gate: Hold the mutation score to the policy (default 70 %).</summary>
public interface IMutation : ITollgateBuild
{
    /// <summary>Hold the mutation score to the policy (default 70 %).</summary>
    Target Mutation => _ => _
        .Description("Hold the mutation score to the policy (default 70 %)")
        .ProceedAfterFailure()
        .Executes(context => GateTarget.NotImplemented(this, context, "Mutation"));
}
