namespace Tollgate.Ci;

/// <summary>The branch a CI run builds, as its host's variables say (CI checkouts leave HEAD detached).</summary>
internal static class CiBranch
{
    private static readonly string[] Variables =
    [
        "GITHUB_HEAD_REF",                       // GitHub Actions, pull_request: the source branch
        "GITHUB_REF_NAME",                       // GitHub Actions, push
        "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME",   // GitLab CI, merge request pipelines
        "CI_COMMIT_BRANCH",                      // GitLab CI, branch pipelines
        "SYSTEM_PULLREQUEST_SOURCEBRANCH",       // Azure Pipelines, pull requests
        "BUILD_SOURCEBRANCH",                    // Azure Pipelines
        "CHANGE_BRANCH",                         // Jenkins multibranch, change requests
        "BRANCH_NAME",                           // Jenkins multibranch
        "BITBUCKET_BRANCH",                      // Bitbucket Pipelines
        "CIRCLE_BRANCH",                         // CircleCI
    ];

    /// <summary>The branch name without <c>refs/heads/</c>, or null when no variable names one.</summary>
    public static string? From(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var variable in Variables)
        {
            if (environment.TryGetValue(variable, out var branch) && branch.Length > 0)
            {
                return branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch["refs/heads/".Length..] : branch;
            }
        }

        return null;
    }
}
