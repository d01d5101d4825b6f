namespace Tollgate;

/// <summary><c>dotnet nuget push</c> in Package.</summary>
public sealed record NuGetPushSettings : ToolSettings
{
    /// <inheritdoc />
    public override string Tool => "dotnet nuget push";

    internal override bool AppliesTo(ProcessSpec spec) => IsDotnet(spec, "nuget", "push");
}
