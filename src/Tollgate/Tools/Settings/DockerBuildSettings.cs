namespace Tollgate;

/// <summary>
/// <c>docker build</c> in Package, of a project with a Dockerfile, through the Docker Engine API (no docker program runs):
/// the engine's build options are typed here. <see cref="ToolSettings.Arguments"/> and
/// <see cref="ToolSettings.EnvironmentVariables"/> have no meaning for an API call and are refused; <see cref="ToolSettings.Timeout"/> stops the build.
/// </summary>
public sealed record DockerBuildSettings : ToolSettings
{
    /// <summary>The Dockerfile, relative to the build context (the project's folder).</summary>
    public string Dockerfile { get; internal init; } = "Dockerfile";

    /// <summary>The tags the image gets: <c>repository:version</c> and <c>repository:commit</c>.</summary>
    public IReadOnlyList<string> Tags { get; internal init; } = [];

    /// <summary>Labels: the OCI annotations Tollgate sets, and any added here.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Build arguments (<c>--build-arg NAME=value</c>).</summary>
    public IReadOnlyDictionary<string, string> BuildArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The stage built (<c>--target</c>); null: the last.</summary>
    public string? Target { get; init; }

    /// <inheritdoc />
    public override string Tool => "docker build";

    /// <summary>The build as <c>docker build</c> would be typed, for logs: the engine receives the same options as a query.</summary>
    internal override IReadOnlyList<string> RenderArguments() =>
        [
            "build", "--file", Dockerfile, "--network", "host",
            .. Tags.SelectMany(t => new[] { "--tag", t }),
            .. Labels.OrderBy(l => l.Key, StringComparer.Ordinal).SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" }),
            .. BuildArguments.OrderBy(a => a.Key, StringComparer.Ordinal).SelectMany(a => new[] { "--build-arg", $"{a.Key}={a.Value}" }),
            .. Target is null ? Array.Empty<string>() : ["--target", Target],
            ".",
        ];
}
