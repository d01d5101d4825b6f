namespace Tollgate.Gates.Review;

/// <summary>
/// Where CommentOnPullRequest posts: the host, its API, the repository, the pull request and the token, each from the build's
/// parameter or else from what the CI host sets; what cannot be known is an error naming the parameter to set.
/// </summary>
internal static class CommentTargets
{
    /// <summary>What the build was given (null: not given).</summary>
    internal sealed record Given(string? Host, string? ApiUrl, string? Repository, string? Number, string? Token);

    /// <summary>The target of the comment.</summary>
    /// <param name="given">The build's parameters.</param>
    /// <param name="ciHost">The CI host this run is on, as the evidence names it (e.g. <c>github-actions</c>).</param>
    /// <param name="ciHostHost">The comment host that CI host is (<c>github</c>, <c>gitlab</c>), or null when Tollgate cannot comment on its pull requests.</param>
    /// <param name="ciPullRequest">The pull request number the CI host says this run builds, if any.</param>
    /// <param name="environment">The build's environment variables.</param>
    /// <param name="reportPath">Where the report is, as the message names it.</param>
    /// <exception cref="InvalidDataException">Something cannot be known; the message names the parameter to set.</exception>
    public static CommentTarget Resolve(
        Given given, string ciHost, string? ciHostHost, string? ciPullRequest, IReadOnlyDictionary<string, string> environment, string reportPath)
    {
        var host = given.Host ?? ciHostHost
            ?? throw new InvalidDataException($"This run is on {ciHost}, whose pull requests Tollgate cannot comment on; set --pull-request-host github or gitlab, or post {reportPath} with the host's own step.");
        string Known(string? value, string what, params string[] variables) =>
            value ?? variables.Select(v => environment.TryGetValue(v, out var found) && found.Length > 0 ? found : null).FirstOrDefault(v => v is not null)
            ?? throw new InvalidDataException($"{what} is not known: set it, or run on the CI host that sets {string.Join(" or ", variables)}.");
        return new CommentTarget(
            host,
            host == "github" ? given.ApiUrl ?? (environment.TryGetValue("GITHUB_API_URL", out var api) ? api : "https://api.github.com")
                : Known(given.ApiUrl, "--pull-request-api-url", "CI_API_V4_URL"),
            Known(given.Repository, "--pull-request-repository", host == "github" ? "GITHUB_REPOSITORY" : "CI_PROJECT_ID"),
            given.Number ?? ciPullRequest ?? throw new InvalidDataException("--pull-request-number is not known: this run is not a pull request build; set --pull-request-number."),
            given.Token ?? throw new InvalidDataException("--pull-request-token is not set: give a token that may comment (GitHub: secrets.GITHUB_TOKEN with pull-requests: write; GitLab: a project access token with the api scope)."));
    }
}
