using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary><c>dotnet build</c> in Compile: the one build every gate reads.</summary>
public sealed record DotnetBuildSettings : ToolSettings
{
    /// <summary>The solution or project built.</summary>
    public string Target { get; internal init; } = "";

    /// <summary>The configuration, <c>--configuration</c>.</summary>
    public string Configuration { get; internal init; } = "";

    /// <summary>MSBuild properties of the run (<c>Name=Value</c>, each <c>-p:Name=Value</c>).</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <summary>Whether the build restores first (false: <c>--no-restore</c>, the restore is known to hold).</summary>
    public bool Restore { get; internal init; } = true;

    /// <summary>Whether every dependency is resolved again (<c>--force</c>), as after a restore that did not hold.</summary>
    public bool Force { get; internal init; }

    /// <summary>Tollgate's build targets file, imported into every project.</summary>
    internal string BuildTargets { get; init; } = "";

    /// <summary>Where the build targets report what each project built.</summary>
    internal string BuildInfo { get; init; } = "";

    /// <inheritdoc />
    public override string Tool => "dotnet build";

    internal override IReadOnlyList<string> RenderArguments() =>
        [.. DotnetCli.Build(Target, Configuration, BuildTargets, BuildInfo, Properties), .. Restore ? Array.Empty<string>() : ["--no-restore"], .. Force ? ["--force"] : Array.Empty<string>()];
}
