using Tollgate.Tools.PullRequests;

namespace Tollgate.Gates.Review;

/// <summary>Where the pull request's comment goes.</summary>
/// <param name="Host"><c>github</c> or <c>gitlab</c>.</param>
/// <param name="ApiUrl">The REST API's base (GitHub: <c>https://api.github.com</c>; GitLab: <c>…/api/v4</c>).</param>
/// <param name="Repository">GitHub's <c>owner/name</c>, or GitLab's project id or path.</param>
/// <param name="Number">The pull request's number (GitLab: the merge request's iid).</param>
/// <param name="Token">The token that may comment.</param>
internal sealed record CommentTarget(string Host, string ApiUrl, string Repository, string Number, string Token);

/// <summary>Posts <c>pr-report.md</c> as the pull request's one Tollgate comment: created on the first push, updated on every later one.</summary>
internal static class PullRequestComment
{
    /// <summary>The hosts whose API Tollgate posts to.</summary>
    public static readonly IReadOnlyList<string> Hosts = ["github", "gitlab"];

    /// <summary>Creates or updates the comment with <paramref name="report"/>'s text.</summary>
    /// <exception cref="InvalidDataException">No report, an unknown host, or the host refused.</exception>
    public static async Task<PostedComment> PostAsync(string report, CommentTarget target, CancellationToken cancellation)
    {
        if (!File.Exists(report))
        {
            throw new InvalidDataException($"{report} does not exist: run ./build.sh Ci (or PullRequestReport) for the pull request first.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        PullRequestComments comments = target.Host switch
        {
            "github" => new GitHubComments(http, target.ApiUrl, target.Repository, target.Number, target.Token),
            "gitlab" => new GitLabNotes(http, target.ApiUrl, target.Repository, target.Number, target.Token),
            _ => throw new InvalidDataException($"--pull-request-host '{target.Host}' is not one Tollgate posts to; use {string.Join(" or ", Hosts)}, or post {report} with your host's own step."),
        };
        return await comments.UpsertAsync(await File.ReadAllTextAsync(report, cancellation).ConfigureAwait(false), PullRequestMarkdown.Marker, cancellation).ConfigureAwait(false);
    }
}
