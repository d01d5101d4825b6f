namespace Tollgate;

/// <summary><c>dotnet pack</c> in Package.</summary>
public sealed record DotnetPackSettings : ToolSettings
{
    /// <inheritdoc />
    public override string Tool => "dotnet pack";

    internal override bool AppliesTo(ProcessSpec spec) => IsDotnet(spec, "pack");
}
