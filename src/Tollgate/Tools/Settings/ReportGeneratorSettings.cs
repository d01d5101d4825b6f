using Tollgate.Tools.ReportGenerator;

namespace Tollgate;

/// <summary><c>reportgenerator</c> in Coverage (and MergeEvidence): the test run's coverage files merged into one Cobertura file and reports.</summary>
public sealed record ReportGeneratorSettings : ToolSettings
{
    /// <summary>The coverage files merged (<c>-reports:</c>).</summary>
    public IReadOnlyList<string> Reports { get; internal init; } = [];

    /// <summary>Where the merged file and reports go (<c>-targetdir:</c>).</summary>
    public string TargetDirectory { get; internal init; } = "";

    /// <summary>Assemblies kept or left out (<c>+Include</c>, <c>-Exclude</c>; <c>-assemblyfilters:</c>).</summary>
    public IReadOnlyList<string> AssemblyFilters { get; internal init; } = [];

    /// <summary>Files kept or left out (<c>-filefilters:</c>).</summary>
    public IReadOnlyList<string> FileFilters { get; internal init; } = [];

    /// <inheritdoc />
    public override string Tool => "reportgenerator";

    internal override IReadOnlyList<string> RenderArguments() => ReportGeneratorTool.Arguments(Reports, TargetDirectory, AssemblyFilters, FileFilters);
}
