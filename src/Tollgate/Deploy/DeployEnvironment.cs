namespace Tollgate.Deploy;

/// <summary>One environment of <c>.nuke/environments.json</c>: how it is deployed, checked and approved.</summary>
/// <param name="Name">e.g. <c>prod</c>.</param>
/// <param name="Strategy"><c>docker</c>, <c>gitops</c> or <c>command</c>.</param>
/// <param name="Approval">Whether a person must approve a deployment (prod: yes).</param>
/// <param name="Timeout">How long the health check may take to pass.</param>
/// <param name="Health">The health check, when there is one.</param>
/// <param name="Docker">The docker strategy's settings.</param>
/// <param name="GitOps">The gitops strategy's settings.</param>
/// <param name="Command">The command strategy's settings.</param>
/// <param name="History">The deployment history file (repository-relative; for gitops, relative to the deployment repository).</param>
internal sealed partial record DeployEnvironment(
    string Name, string Strategy, bool Approval, TimeSpan Timeout, HealthCheck? Health,
    DockerTarget? Docker, GitOpsTarget? GitOps, CommandTarget? Command, string History)
{
    private static readonly string[] ProductionWords = ["prod", "production", "live"];

    /// <summary>PEM public keys (paths from the root), each trusted until a day or for good, one of which must have signed a bundle this environment deploys; none: unsigned bundles deploy.</summary>
    public IReadOnlyList<TrustedKey> TrustedKeys { get; init; } = [];

    /// <summary>True for a name that is safe in a path: lower-case letters, digits and dashes (<c>prod</c>, <c>prod-eu</c>).</summary>
    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    /// <summary>True for a name that looks like production (<c>prod</c>, <c>production</c>, <c>live</c>, or one of them as a dash-separated part): it needs approval unless the file says otherwise.</summary>
    public static bool LooksLikeProduction(string name) => name.Split('-').Any(ProductionWords.Contains);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex ValidName();
}

/// <summary>Where the docker strategy runs the image.</summary>
/// <param name="Image">The image repository; the tag is the version.</param>
/// <param name="Container">The containers' name prefix.</param>
/// <param name="Ports">The ports the slots listen on (two for side-by-side switching); given to the container as <c>PORT</c>.</param>
/// <param name="Socket">The engine's socket, when not the default.</param>
internal sealed record DockerTarget(string Image, string Container, IReadOnlyList<int> Ports, string? Socket);

/// <summary>Where the gitops strategy writes the new version.</summary>
/// <param name="Repository">The deployment repository: a path or a git URL.</param>
/// <param name="Branch">The branch to commit to.</param>
/// <param name="ValuesFile">The environment's values file in it.</param>
/// <param name="Key">The dotted key of the image tag in that file, e.g. <c>image.tag</c>.</param>
internal sealed record GitOpsTarget(string Repository, string Branch, string ValuesFile, string Key);

/// <summary>A command Tollgate runs for tools it does not drive; <c>{version}</c>, <c>{environment}</c> and <c>{commit}</c> are replaced in each argument.</summary>
internal sealed record CommandTarget(IReadOnlyList<string> Deploy, IReadOnlyList<string>? Rollback);

/// <summary>A health check: an HTTP GET (on 127.0.0.1; <c>{port}</c> is the new slot's port) that must answer 2xx (and hold a text, when given), or a command that must exit 0.</summary>
internal sealed record HealthCheck(string? Url, IReadOnlyList<string>? Command, string? Contains);
