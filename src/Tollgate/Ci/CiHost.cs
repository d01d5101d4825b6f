namespace Tollgate.Ci;

/// <summary>
/// Detects the CI host a build runs on from its environment variables and reads what the host says of
/// the run: branch, commit, build number, pull or merge request, its target branch, and the run's page.
/// A local run (or an unknown CI) is filled in from git by the caller.
/// </summary>
internal static class CiHost
{
    private static readonly (string Marker, string Name, Func<Func<string, string?>, Dictionary<string, string?>> Read)[] Hosts =
    [
        ("GITHUB_ACTIONS", CiHostName.GitHubActions, v => new()
        {
            ["branch"] = v("GITHUB_HEAD_REF") ?? v("GITHUB_REF_NAME"),
            ["commit"] = v("GITHUB_SHA"),
            ["buildNumber"] = v("GITHUB_RUN_NUMBER"),
            ["pullRequest"] = PullNumber(v("GITHUB_REF")),
            ["targetBranch"] = v("GITHUB_BASE_REF"),
            ["url"] = v("GITHUB_SERVER_URL") is { } server && v("GITHUB_REPOSITORY") is { } repository && v("GITHUB_RUN_ID") is { } run ? $"{server}/{repository}/actions/runs/{run}" : null,
        }),
        ("GITLAB_CI", CiHostName.GitLabCi, v => new()
        {
            ["branch"] = v("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME") ?? v("CI_COMMIT_BRANCH") ?? v("CI_COMMIT_REF_NAME"),
            ["commit"] = v("CI_COMMIT_SHA"),
            ["buildNumber"] = v("CI_PIPELINE_IID") ?? v("CI_PIPELINE_ID"),
            ["pullRequest"] = v("CI_MERGE_REQUEST_IID"),
            ["targetBranch"] = v("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"),
            ["url"] = v("CI_PIPELINE_URL"),
        }),
        ("TF_BUILD", CiHostName.AzurePipelines, v => new()
        {
            ["branch"] = Branch(v("SYSTEM_PULLREQUEST_SOURCEBRANCH") ?? v("BUILD_SOURCEBRANCH")),
            ["commit"] = v("BUILD_SOURCEVERSION"),
            ["buildNumber"] = v("BUILD_BUILDNUMBER"),
            ["pullRequest"] = v("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER") ?? v("SYSTEM_PULLREQUEST_PULLREQUESTID"),
            ["targetBranch"] = Branch(v("SYSTEM_PULLREQUEST_TARGETBRANCH")),
            ["url"] = v("SYSTEM_COLLECTIONURI") is { } collection && v("SYSTEM_TEAMPROJECT") is { } project && v("BUILD_BUILDID") is { } id
                ? $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={id}" : null,
        }),
        ("TEAMCITY_VERSION", CiHostName.TeamCity, v => new()
        {
            ["branch"] = Branch(v("TEAMCITY_BUILD_BRANCH") ?? v("BUILD_VCS_BRANCH")),
            ["commit"] = v("BUILD_VCS_NUMBER"),
            ["buildNumber"] = v("BUILD_NUMBER"),
            ["url"] = v("TEAMCITY_BUILD_URL"),
        }),
        ("JENKINS_URL", CiHostName.Jenkins, v => new()
        {
            ["branch"] = v("CHANGE_BRANCH") ?? v("BRANCH_NAME") ?? StripRemote(v("GIT_BRANCH")),
            ["commit"] = v("GIT_COMMIT"),
            ["buildNumber"] = v("BUILD_NUMBER"),
            ["pullRequest"] = v("CHANGE_ID"),
            ["targetBranch"] = v("CHANGE_TARGET"),
            ["url"] = v("BUILD_URL"),
        }),
        ("BITBUCKET_BUILD_NUMBER", CiHostName.BitbucketPipelines, v => new()
        {
            ["branch"] = v("BITBUCKET_BRANCH"),
            ["commit"] = v("BITBUCKET_COMMIT"),
            ["buildNumber"] = v("BITBUCKET_BUILD_NUMBER"),
            ["pullRequest"] = v("BITBUCKET_PR_ID"),
            ["targetBranch"] = v("BITBUCKET_PR_DESTINATION_BRANCH"),
            ["url"] = v("BITBUCKET_GIT_HTTP_ORIGIN") is { } origin ? $"{origin}/pipelines/results/{v("BITBUCKET_BUILD_NUMBER")}" : null,
        }),
        ("CIRCLECI", CiHostName.CircleCi, v => new()
        {
            ["branch"] = v("CIRCLE_BRANCH"),
            ["commit"] = v("CIRCLE_SHA1"),
            ["buildNumber"] = v("CIRCLE_BUILD_NUM"),
            ["pullRequest"] = v("CIRCLE_PULL_REQUEST") is { } url ? url[(url.LastIndexOf('/') + 1)..] : null,
            ["url"] = v("CIRCLE_BUILD_URL"),
        }),
    ];

    /// <summary>The names of the hosts Tollgate knows by their variables.</summary>
    public static IReadOnlyList<string> Known => Hosts.Select(h => h.Name).ToList();

    /// <summary>The host's name: one of <see cref="Known"/>, <c>ci</c> for <c>CI=true</c>, else <c>local</c>.</summary>
    public static string NameOf(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (marker, name, _) in Hosts)
        {
            if (environment.TryGetValue(marker, out var value) && value.Length > 0)
            {
                return name;
            }
        }

        return environment.TryGetValue("CI", out var ci) && ci.Equals("true", StringComparison.OrdinalIgnoreCase) ? CiHostName.Generic : CiHostName.Local;
    }

    /// <summary>The host record for evidence: its name and what it says of the run (empty values left out).</summary>
    public static CiHostRecord Detect(IReadOnlyDictionary<string, string> environment)
    {
        var name = NameOf(environment);
        var host = Hosts.FirstOrDefault(h => h.Name == name);
        var details = host.Read is null ? [] : host.Read(variable => environment.TryGetValue(variable, out var value) && value.Length > 0 ? value : null);
        return new CiHostRecord
        {
            Name = name,
            Details = new SortedDictionary<string, string>(
            details.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => d.Value!), StringComparer.Ordinal),
        };
    }

    private static string? PullNumber(string? reference) =>
        reference is not null && reference.StartsWith("refs/pull/", StringComparison.Ordinal) ? reference["refs/pull/".Length..].Split('/')[0] : null;

    private static string? Branch(string? reference) =>
        reference is not null && reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;

    private static string? StripRemote(string? branch) =>
        branch is not null && branch.StartsWith("origin/", StringComparison.Ordinal) ? branch["origin/".Length..] : branch;
}
