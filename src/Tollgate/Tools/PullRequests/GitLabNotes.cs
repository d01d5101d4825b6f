namespace Tollgate.Tools.PullRequests;

/// <summary>GitLab's REST API (v4): a merge request's notes.</summary>
internal sealed class GitLabNotes(HttpClient http, string apiUrl, string project, string iid, string token) : PullRequestComments(http)
{
    private readonly string notes = $"{apiUrl.TrimEnd('/')}/projects/{Uri.EscapeDataString(project)}/merge_requests/{iid}/notes";

    /// <inheritdoc />
    protected override HttpRequestMessage ListRequest(int page, int size) => Request(HttpMethod.Get, $"{notes}?per_page={size}&page={page}&sort=asc", ("PRIVATE-TOKEN", token));

    /// <inheritdoc />
    protected override HttpRequestMessage UpdateRequest(string id, string body) => Request(HttpMethod.Put, $"{notes}/{id}", ("PRIVATE-TOKEN", token), Body(body));

    /// <inheritdoc />
    protected override HttpRequestMessage CreateRequest(string body) => Request(HttpMethod.Post, notes, ("PRIVATE-TOKEN", token), Body(body));
}
