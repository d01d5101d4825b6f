using Tollgate.Tools.CycloneDx;

namespace Tollgate;

/// <summary><c>dotnet-CycloneDX</c> in Package: a CycloneDX 1.6 JSON SBOM of one packed project, from the build's restore.</summary>
public sealed record CycloneDxSettings : ToolSettings
{
    /// <summary>The project described.</summary>
    public string Project { get; internal init; } = "";

    /// <summary>Where the SBOM goes (<c>--output</c>).</summary>
    public string Output { get; internal init; } = "";

    /// <summary>The SBOM's file name (<c>--filename</c>).</summary>
    public string FileName { get; internal init; } = "";

    /// <summary>The component's name (<c>--set-name</c>).</summary>
    public string Name { get; internal init; } = "";

    /// <summary>The component's version (<c>--set-version</c>).</summary>
    public string Version { get; internal init; } = "";

    /// <inheritdoc />
    public override string Tool => CycloneDxTool.Command;

    internal override IReadOnlyList<string> RenderArguments() => CycloneDxTool.Arguments(Project, Output, FileName, Name, Version);
}
