using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary><c>dotnet publish</c> in Package: a project with a Dockerfile, published into the folder its image is built from.</summary>
public sealed record DotnetPublishSettings : ToolSettings
{
    /// <summary>The project published.</summary>
    public string Project { get; internal init; } = "";

    /// <summary>The configuration, <c>--configuration</c>.</summary>
    public string Configuration { get; internal init; } = "";

    /// <summary>Where the output goes (<c>--output</c>).</summary>
    public string Output { get; internal init; } = "";

    /// <summary>MSBuild properties (<c>Name=Value</c>), e.g. <c>PublishTrimmed=true</c>.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <inheritdoc />
    public override string Tool => "dotnet publish";

    internal override IReadOnlyList<string> RenderArguments() => DotnetCli.Publish(Project, Configuration, Output, Properties);
}
