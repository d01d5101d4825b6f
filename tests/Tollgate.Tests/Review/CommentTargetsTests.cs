using Tollgate.Gates.Review;

namespace Tollgate.Tests.Review;

/// <summary>Where a pull request comment goes: the build's parameters first, then what the CI host sets, else an error naming what to set.</summary>
public sealed class CommentTargetsTests
{
    private static readonly CommentTargets.Given None = new(null, null, null, null, "token-1");

    [Fact]
    public void On_GitHub_Actions_everything_but_the_token_comes_from_the_host()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "acme/widgets", ["GITHUB_API_URL"] = "https://ghe.acme.example/api/v3" };

        var target = CommentTargets.Resolve(None, "GitHubActions", "github", "42", environment, "artifacts/evidence/pr-report.md");

        Assert.Equal(new CommentTarget("github", "https://ghe.acme.example/api/v3", "acme/widgets", "42", "token-1"), target);
    }

    [Fact]
    public void The_builds_parameters_win_over_the_hosts_variables()
    {
        var environment = new Dictionary<string, string> { ["CI_API_V4_URL"] = "https://gitlab.example/api/v4", ["CI_PROJECT_ID"] = "7" };

        var target = CommentTargets.Resolve(new("gitlab", null, "group/app", "9", "t"), "GitLabCi", "gitlab", "3", environment, "pr-report.md");

        Assert.Equal(new CommentTarget("gitlab", "https://gitlab.example/api/v4", "group/app", "9", "t"), target);
    }

    [Theory]
    [InlineData("Jenkins", null, null, "This run is on Jenkins, whose pull requests Tollgate cannot comment on; set --pull-request-host github or gitlab, or post artifacts/evidence/pr-report.md with the host's own step.")]
    [InlineData("GitLabCi", "gitlab", "3", "--pull-request-api-url is not known: set it, or run on the CI host that sets CI_API_V4_URL.")]
    [InlineData("GitHubActions", "github", null, "--pull-request-repository is not known: set it, or run on the CI host that sets GITHUB_REPOSITORY.")]
    public void What_cannot_be_known_is_named_with_the_parameter_to_set(string ci, string? host, string? number, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => CommentTargets.Resolve(None, ci, host, number, new Dictionary<string, string>(), "artifacts/evidence/pr-report.md"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_run_that_builds_no_pull_request_needs_its_number()
    {
        var environment = new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "acme/widgets" };

        var error = Assert.Throws<InvalidDataException>(() => CommentTargets.Resolve(None, "GitHubActions", "github", null, environment, "pr-report.md"));

        Assert.Equal("--pull-request-number is not known: this run is not a pull request build; set --pull-request-number.", error.Message);
    }
}
