namespace Tollgate.Ci;

/// <summary>The target branch of the pull or merge request a CI run builds, as its host's variables say.</summary>
internal static class PullRequest
{
    private static readonly string[] TargetVariables =
    [
        "GITHUB_BASE_REF",                      // GitHub Actions, pull_request events
        "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",  // GitLab CI, merge request pipelines
        "SYSTEM_PULLREQUEST_TARGETBRANCH",      // Azure Pipelines
        "CHANGE_TARGET",                        // Jenkins multibranch
        "BITBUCKET_PR_DESTINATION_BRANCH",      // Bitbucket Pipelines
    ];

    /// <summary>The git ref to compare with (<c>origin/main</c>), or null outside a pull request.</summary>
    public static string? TargetRef(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var variable in TargetVariables)
        {
            if (environment.TryGetValue(variable, out var branch) && branch.Length > 0)
            {
                var name = branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..] : branch;
                return "origin/" + name;
            }
        }

        return null;
    }
}
