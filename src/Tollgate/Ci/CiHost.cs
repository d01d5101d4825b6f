using Tollgate.Evidence;

namespace Tollgate.Ci;

/// <summary>Names the CI host a build runs on from its environment variables; <c>local</c> when none.</summary>
public static class CiHost
{
    private static readonly (string Variable, string Name)[] Markers =
    [
        ("GITHUB_ACTIONS", "github-actions"),
        ("GITLAB_CI", "gitlab-ci"),
        ("TF_BUILD", "azure-pipelines"),
        ("TEAMCITY_VERSION", "teamcity"),
        ("JENKINS_URL", "jenkins"),
        ("BITBUCKET_BUILD_NUMBER", "bitbucket-pipelines"),
        ("CIRCLECI", "circleci"),
    ];

    /// <summary>The host record for evidence.</summary>
    public static CiHostRecord Detect(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (variable, name) in Markers)
        {
            if (environment.TryGetValue(variable, out var value) && value.Length > 0)
            {
                return new CiHostRecord(name, new Dictionary<string, string>());
            }
        }

        var generic = environment.TryGetValue("CI", out var ci) && ci.Equals("true", StringComparison.OrdinalIgnoreCase);
        return new CiHostRecord(generic ? "ci" : "local", new Dictionary<string, string>());
    }
}
