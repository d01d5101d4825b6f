using Tollgate.Engine;

namespace Tollgate;

/// <summary>The ArchitectureTests gate: Check the layering rules on the compiled assemblies.</summary>
public interface IArchitectureTests : ITollgateBuild
{
    /// <summary>Check the layering rules on the compiled assemblies.</summary>
    Target ArchitectureTests => _ => _
        .Description("Check the layering rules on the compiled assemblies")
        .ProceedAfterFailure()
        .Executes(context => GateTarget.NotImplemented(this, context, "ArchitectureTests"));
}
