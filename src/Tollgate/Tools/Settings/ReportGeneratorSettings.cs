namespace Tollgate;

/// <summary>ReportGenerator in Coverage (arguments are <c>-name:value</c>).</summary>
public sealed record ReportGeneratorSettings : ToolSettings
{
    /// <inheritdoc />
    public override string Tool => "reportgenerator";

    internal override bool AppliesTo(ProcessSpec spec) => IsProgram(spec, "reportgenerator");
}
