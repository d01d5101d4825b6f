namespace Tollgate.Evidence;

/// <summary>Where a pull request's report puts its files in the bundle: written by the PullRequest gate, read by the CI hosts' renderings and the comment.</summary>
internal static class PullRequestFiles
{
    /// <summary>The report (a comment body), at the bundle's top level.</summary>
    public const string Report = "pr-report.md";

    /// <summary>The new problems in GitLab's code quality format, at the bundle's top level.</summary>
    public const string CodeQuality = "pr-codequality.json";

    /// <summary>The changed lines by file: the name among the PullRequest gate's reports.</summary>
    public const string ChangedLinesName = "changed-lines.json";

    /// <summary>The changed lines by file: the bundle path (the gate's reports folder).</summary>
    public const string ChangedLines = "reports/pullrequest/" + ChangedLinesName;
}
