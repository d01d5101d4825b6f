using Tollgate.Tools.Stryker;

namespace Tollgate;

/// <summary>
/// <c>dotnet-stryker</c> in Mutation, once per mutated project (or solution). What Stryker mutates and how is in the
/// config file Tollgate writes from the policy; these settings run it.
/// </summary>
public sealed record StrykerSettings : ToolSettings
{
    /// <summary>The project (or solution) mutated, a full path; Stryker runs in its folder.</summary>
    public string Project { get; internal init; } = "";

    /// <summary>The config file Tollgate wrote for this run (<c>--config-file</c>).</summary>
    public string ConfigFile { get; internal init; } = "";

    /// <summary>Where Stryker writes its reports (<c>--output</c>).</summary>
    public string Output { get; internal init; } = "";

    /// <inheritdoc />
    public override string Tool => "dotnet-stryker";

    internal override IReadOnlyList<string> RenderArguments() => StrykerTool.Arguments(ConfigFile, Output);
}
