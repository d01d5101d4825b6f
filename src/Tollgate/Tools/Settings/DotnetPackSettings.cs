using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary><c>dotnet pack</c> in Package: the chosen projects, with symbols, into the packages folder.</summary>
public sealed record DotnetPackSettings : ToolSettings
{
    /// <summary>The solution or project packed.</summary>
    public string Target { get; internal init; } = "";

    /// <summary>The configuration, <c>--configuration</c>.</summary>
    public string Configuration { get; internal init; } = "";

    /// <summary>Where the packages go (<c>--output</c>).</summary>
    public string Output { get; internal init; } = "";

    /// <summary>MSBuild properties (<c>Name=Value</c>): the version and reproducibility properties, the build's own, any added here.</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <summary>Whether the run's own build is packed as it is (<c>--no-build</c>).</summary>
    public bool NoBuild { get; internal init; }

    /// <inheritdoc />
    public override string Tool => "dotnet pack";

    internal override IReadOnlyList<string> RenderArguments() => DotnetCli.Pack(Target, Configuration, Output, Properties, NoBuild);
}
