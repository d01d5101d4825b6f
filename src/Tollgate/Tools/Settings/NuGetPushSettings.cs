using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// <c>dotnet nuget push</c> in Package, once per package. The feed and the API key reach it through an owner-only response
/// file, never these settings or the command line.
/// </summary>
public sealed record NuGetPushSettings : ToolSettings
{
    /// <summary>The package pushed.</summary>
    public string Package { get; internal init; } = "";

    /// <summary>The response file holding the source and the API key.</summary>
    internal string ResponseFile { get; init; } = "";

    /// <summary>The NuGet.Config holding the feed's credentials, when it needs any.</summary>
    internal string? ConfigFile { get; init; }

    /// <inheritdoc />
    public override string Tool => "dotnet nuget push";

    internal override IReadOnlyList<string> RenderArguments() => DotnetCli.NuGetPush(Package, ResponseFile, ConfigFile);
}
