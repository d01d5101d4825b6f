namespace Tollgate;

/// <summary><c>dotnet build</c> in Compile.</summary>
public sealed record DotnetBuildSettings : ToolSettings
{
    /// <inheritdoc />
    public override string Tool => "dotnet build";

    internal override bool AppliesTo(ProcessSpec spec) => IsDotnet(spec, "build");
}
