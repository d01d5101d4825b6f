namespace Tollgate;

/// <summary><c>dotnet format</c> in Lint.</summary>
public sealed record DotnetFormatSettings : ToolSettings
{
    /// <inheritdoc />
    public override string Tool => "dotnet format";

    internal override bool AppliesTo(ProcessSpec spec) => IsDotnet(spec, "format");
}
