namespace Tollgate.Ci;

/// <summary>The names Tollgate gives the hosts it knows, as evidence and <c>--host</c> spell them.</summary>
internal static class CiHostName
{
    /// <summary>A developer's machine.</summary>
    public const string Local = "local";

    /// <summary>A CI server Tollgate does not know by name (<c>CI=true</c>).</summary>
    public const string Generic = "ci";

    /// <summary>GitHub Actions.</summary>
    public const string GitHubActions = "github-actions";

    /// <summary>GitLab CI.</summary>
    public const string GitLabCi = "gitlab-ci";

    /// <summary>Azure Pipelines.</summary>
    public const string AzurePipelines = "azure-pipelines";

    /// <summary>TeamCity.</summary>
    public const string TeamCity = "teamcity";

    /// <summary>Jenkins.</summary>
    public const string Jenkins = "jenkins";

    /// <summary>Bitbucket Pipelines.</summary>
    public const string BitbucketPipelines = "bitbucket-pipelines";

    /// <summary>CircleCI.</summary>
    public const string CircleCi = "circleci";
}
