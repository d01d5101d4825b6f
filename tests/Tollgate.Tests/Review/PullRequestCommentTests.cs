using Tollgate.Gates.Review;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Review;

/// <summary>The pull request's comment against a local server playing GitHub's and GitLab's REST endpoints: created once, then updated.</summary>
public sealed class PullRequestCommentTests : IDisposable
{
    private const string Token = "tg-pr-token-5c1e9a";
    private readonly TempDirectory directory = new(withNuke: false);

    public void Dispose() => directory.Dispose();

    private string Report(string text) => directory.Write("pr-report.md", $"{PullRequestMarkdown.Marker}\n{text}\n");

    [Fact]
    public async Task On_github_the_first_push_creates_the_comment_and_the_next_updates_it_with_the_bearer_token()
    {
        using var github = PullRequestHost.GitHub("org/repo", "42", Token);
        var target = new CommentTarget("github", github.Url, "org/repo", "42", Token);

        var first = await PullRequestComment.PostAsync(Report("first push"), target, CancellationToken.None);
        var second = await PullRequestComment.PostAsync(Report("second push"), target, CancellationToken.None);

        Assert.Equal((true, false, first.Id), (first.Created, second.Created, second.Id));
        Assert.Contains("second push", Assert.Single(github.Comments).Value, StringComparison.Ordinal);
        Assert.Contains($"PATCH repos/org/repo/issues/comments/{first.Id}", github.Calls);
    }

    [Fact]
    public async Task On_gitlab_the_merge_request_s_note_is_created_then_updated_with_the_private_token_and_an_encoded_project_path()
    {
        using var gitlab = PullRequestHost.GitLab("group/sub/app", "12", Token);
        var target = new CommentTarget("gitlab", gitlab.Url, "group/sub/app", "12", Token);

        var first = await PullRequestComment.PostAsync(Report("first push"), target, CancellationToken.None);
        var second = await PullRequestComment.PostAsync(Report("second push"), target, CancellationToken.None);

        Assert.Equal((true, false, first.Id), (first.Created, second.Created, second.Id));
        Assert.Contains("second push", Assert.Single(gitlab.Comments).Value, StringComparison.Ordinal);
        Assert.Contains($"PUT projects/group%2Fsub%2Fapp/merge_requests/12/notes/{first.Id}", gitlab.Calls);
    }

    [Fact]
    public async Task A_refused_token_is_an_error_naming_the_status_and_never_the_token()
    {
        using var github = PullRequestHost.GitHub("org/repo", "42", "another-token");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() =>
            PullRequestComment.PostAsync(Report("x"), new CommentTarget("github", github.Url, "org/repo", "42", Token), CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("check that the token may comment", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.Empty(github.Comments);
    }
}
