using Tollgate.Engine;

namespace Tollgate;

/// <summary>The Lint gate: Check formatting, style and analyzers (dotnet format, warnings as errors).</summary>
public interface ILint : ITollgateBuild
{
    /// <summary>Check formatting, style and analyzers (dotnet format, warnings as errors).</summary>
    Target Lint => _ => _
        .Description("Check formatting, style and analyzers (dotnet format, warnings as errors)")
        .ProceedAfterFailure()
        .Executes(context => GateTarget.NotImplemented(this, context, "Lint"));
}
