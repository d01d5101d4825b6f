using Tollgate.IO;

namespace Tollgate.Ci;

/// <summary>
/// The CI templates the package ships (<c>shared-targets/ci/</c>): for each host, the template and where
/// <c>GenerateCi</c> writes it in a repository, and what to do next.
/// </summary>
internal sealed record CiTemplate(string Host, string Resource, string Target, string NextStep)
{
    /// <summary>Every template, by host.</summary>
    public static IReadOnlyList<CiTemplate> All { get; } =
    [
        new(CiHostName.GitHubActions, "Tollgate.Ci.Templates.github.tollgate.yml", ".github/workflows/tollgate.yml",
            "commit it; GitHub runs it on pushes to main and on pull requests"),
        new(CiHostName.GitLabCi, "Tollgate.Ci.Templates.gitlab.quality-gates.yml", ".gitlab/quality-gates.yml",
            "add 'include: [{ local: .gitlab/quality-gates.yml }]' to .gitlab-ci.yml and commit both"),
        new(CiHostName.AzurePipelines, "Tollgate.Ci.Templates.azure.azure-pipelines.yml", "azure-pipelines.yml",
            "commit it and create a pipeline from it in Azure DevOps"),
        new(CiHostName.Jenkins, "Tollgate.Ci.Templates.jenkins.Jenkinsfile", "Jenkinsfile",
            "commit it; a multibranch pipeline picks it up"),
    ];

    /// <summary>The template's text.</summary>
    public string Text => EmbeddedText.Read(Resource);

    /// <summary>The template of <paramref name="host"/>, or an error naming the hosts there are.</summary>
    public static CiTemplate For(string host) =>
        All.FirstOrDefault(t => t.Host == host)
        ?? throw new ArgumentException($"--host '{host}' has no template; use one of {string.Join(", ", All.Select(t => t.Host))}.");
}
