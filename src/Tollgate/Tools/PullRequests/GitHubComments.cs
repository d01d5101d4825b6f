namespace Tollgate.Tools.PullRequests;

/// <summary>GitHub's REST API: a pull request's conversation is its issue's comments.</summary>
internal sealed class GitHubComments(HttpClient http, string apiUrl, string repository, string number, string token) : PullRequestComments(http)
{
    private readonly string issue = $"{apiUrl.TrimEnd('/')}/repos/{repository}/issues";

    /// <inheritdoc />
    protected override HttpRequestMessage ListRequest(int page, int size) => GitHub(HttpMethod.Get, $"{issue}/{number}/comments?per_page={size}&page={page}");

    /// <inheritdoc />
    protected override HttpRequestMessage UpdateRequest(string id, string body) => GitHub(HttpMethod.Patch, $"{issue}/comments/{id}", Body(body));

    /// <inheritdoc />
    protected override HttpRequestMessage CreateRequest(string body) => GitHub(HttpMethod.Post, $"{issue}/{number}/comments", Body(body));

    private HttpRequestMessage GitHub(HttpMethod method, string url, HttpContent? content = null)
    {
        var request = Request(method, url, ("Authorization", token), content);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
        return request;
    }
}
