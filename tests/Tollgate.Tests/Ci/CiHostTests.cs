using Tollgate.Ci;

namespace Tollgate.Tests.Ci;

public sealed class CiHostTests
{
    public static TheoryData<string, Dictionary<string, string>, Dictionary<string, string>> Hosts => new()
    {
        {
            "github-actions",
            new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF"] = "refs/pull/42/merge", ["GITHUB_HEAD_REF"] = "feature/x", ["GITHUB_REF_NAME"] = "42/merge", ["GITHUB_BASE_REF"] = "main", ["GITHUB_SHA"] = "abc", ["GITHUB_RUN_NUMBER"] = "17", ["GITHUB_SERVER_URL"] = "https://github.com", ["GITHUB_REPOSITORY"] = "org/repo", ["GITHUB_RUN_ID"] = "9001" },
            new() { ["branch"] = "feature/x", ["commit"] = "abc", ["buildNumber"] = "17", ["pullRequest"] = "42", ["targetBranch"] = "main", ["url"] = "https://github.com/org/repo/actions/runs/9001" }
        },
        {
            "gitlab-ci",
            new() { ["GITLAB_CI"] = "true", ["CI_COMMIT_BRANCH"] = "main", ["CI_COMMIT_SHA"] = "def", ["CI_PIPELINE_IID"] = "5", ["CI_PIPELINE_URL"] = "https://gitlab.example/p/-/pipelines/77" },
            new() { ["branch"] = "main", ["commit"] = "def", ["buildNumber"] = "5", ["url"] = "https://gitlab.example/p/-/pipelines/77" }
        },
        {
            "gitlab-ci",
            new() { ["GITLAB_CI"] = "true", ["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] = "fix/y", ["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main", ["CI_MERGE_REQUEST_IID"] = "12", ["CI_COMMIT_SHA"] = "def" },
            new() { ["branch"] = "fix/y", ["commit"] = "def", ["pullRequest"] = "12", ["targetBranch"] = "main" }
        },
        {
            "azure-pipelines",
            new() { ["TF_BUILD"] = "True", ["BUILD_SOURCEBRANCH"] = "refs/heads/release/2", ["BUILD_SOURCEVERSION"] = "123", ["BUILD_BUILDNUMBER"] = "20261122.3", ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/org/", ["SYSTEM_TEAMPROJECT"] = "Shop", ["BUILD_BUILDID"] = "88" },
            new() { ["branch"] = "release/2", ["commit"] = "123", ["buildNumber"] = "20261122.3", ["url"] = "https://dev.azure.com/org/Shop/_build/results?buildId=88" }
        },
        {
            "azure-pipelines",
            new() { ["TF_BUILD"] = "True", ["BUILD_SOURCEBRANCH"] = "refs/pull/7/merge", ["SYSTEM_PULLREQUEST_SOURCEBRANCH"] = "refs/heads/feature/z", ["SYSTEM_PULLREQUEST_TARGETBRANCH"] = "refs/heads/main", ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "7" },
            new() { ["branch"] = "feature/z", ["pullRequest"] = "7", ["targetBranch"] = "main" }
        },
        {
            "teamcity",
            new() { ["TEAMCITY_VERSION"] = "2025.07", ["BUILD_VCS_NUMBER"] = "456", ["BUILD_NUMBER"] = "301" },
            new() { ["commit"] = "456", ["buildNumber"] = "301" }
        },
        {
            "jenkins",
            new() { ["JENKINS_URL"] = "https://ci.example/", ["GIT_BRANCH"] = "origin/main", ["GIT_COMMIT"] = "789", ["BUILD_NUMBER"] = "64", ["BUILD_URL"] = "https://ci.example/job/shop/64/" },
            new() { ["branch"] = "main", ["commit"] = "789", ["buildNumber"] = "64", ["url"] = "https://ci.example/job/shop/64/" }
        },
        {
            "jenkins",
            new() { ["JENKINS_URL"] = "https://ci.example/", ["BRANCH_NAME"] = "PR-9", ["CHANGE_BRANCH"] = "feature/q", ["CHANGE_ID"] = "9", ["CHANGE_TARGET"] = "main" },
            new() { ["branch"] = "feature/q", ["pullRequest"] = "9", ["targetBranch"] = "main" }
        },
        {
            "bitbucket-pipelines",
            new() { ["BITBUCKET_BUILD_NUMBER"] = "11", ["BITBUCKET_BRANCH"] = "main", ["BITBUCKET_COMMIT"] = "aaa", ["BITBUCKET_PR_ID"] = "3", ["BITBUCKET_PR_DESTINATION_BRANCH"] = "develop", ["BITBUCKET_GIT_HTTP_ORIGIN"] = "https://bitbucket.org/org/repo" },
            new() { ["branch"] = "main", ["commit"] = "aaa", ["buildNumber"] = "11", ["pullRequest"] = "3", ["targetBranch"] = "develop", ["url"] = "https://bitbucket.org/org/repo/pipelines/results/11" }
        },
        {
            "circleci",
            new() { ["CIRCLECI"] = "true", ["CIRCLE_BRANCH"] = "main", ["CIRCLE_SHA1"] = "bbb", ["CIRCLE_BUILD_NUM"] = "99", ["CIRCLE_PULL_REQUEST"] = "https://github.com/org/repo/pull/21", ["CIRCLE_BUILD_URL"] = "https://circleci.com/gh/org/repo/99" },
            new() { ["branch"] = "main", ["commit"] = "bbb", ["buildNumber"] = "99", ["pullRequest"] = "21", ["url"] = "https://circleci.com/gh/org/repo/99" }
        },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Each_host_is_detected_and_its_branch_commit_build_and_request_read(string name, Dictionary<string, string> environment, Dictionary<string, string> details)
    {
        var host = CiHost.Detect(environment);

        Assert.Equal(name, host.Name);
        Assert.Equal(details.OrderBy(d => d.Key, StringComparer.Ordinal), host.Details.OrderBy(d => d.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void No_host_variable_is_local_and_ci_true_alone_is_an_unknown_ci()
    {
        Assert.Equal(("local", 0), (CiHost.Detect(new Dictionary<string, string>()).Name, CiHost.Detect(new Dictionary<string, string>()).Details.Count));
        Assert.Equal("ci", CiHost.Detect(new Dictionary<string, string> { ["CI"] = "true" }).Name);
        Assert.Equal("local", CiHost.Detect(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "" }).Name);
    }

    [Fact]
    public void Every_known_host_has_a_console_and_the_ones_with_templates_have_one()
    {
        Assert.Equal(["github-actions", "gitlab-ci", "azure-pipelines", "teamcity", "jenkins", "bitbucket-pipelines", "circleci"], CiHost.Known);
        Assert.Equal(["github-actions", "gitlab-ci", "azure-pipelines", "jenkins"], CiTemplate.All.Select(t => t.Host));
    }
}
