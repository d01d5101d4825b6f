using Tollgate.Engine;
using Tollgate.Evidence;

namespace Tollgate;

/// <summary>Packs the release artifacts; in a run with gates, only when every gate passed.</summary>
public interface IPackage : ITollgateBuild
{
    /// <summary>Packs NuGet packages and container images.</summary>
    Target Package => _ => _
        .Description("Pack NuGet packages and container images (only after every gate of the run passed)")
        .OnlyWhen(() => RunEvidence.Gates.All(g => g.Result.Status == GateStatus.Passed), "every gate of this run passed")
        .Executes(context => GateTarget.NotImplemented(this, context, "Package"));
}
