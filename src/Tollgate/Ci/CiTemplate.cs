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

    /// <summary>
    /// The template split over <paramref name="shards"/> agents: the host's matrix or parallel job running <c>Ci</c> with
    /// its shard, each keeping its bundle the host's way, and a merge job running <c>MergeEvidence Package</c> on them all.
    /// </summary>
    public string Sharded(int shards)
    {
        var resource = Resource.EndsWith(".yml", StringComparison.Ordinal) ? Resource[..^4] + "-sharded.yml" : Resource + "-sharded";
        var stages = string.Join("\n", Enumerable.Range(1, shards).Select(i => $$"""
                            stage('Shard {{i}}') {
                                agent any
                                steps {
                                    sh './build.sh Ci --shard {{i}}/{{shards}}'
                                }
                                post {
                                    always { stash name: 'evidence-{{i}}', includes: 'artifacts/evidence/**' }
                                }
                            }
            """.TrimEnd()));
        return EmbeddedText.Read(resource)
            .Replace("__SHARD_STAGES__", stages, StringComparison.Ordinal)
            .Replace("__SHARD_LIST__", string.Join(", ", Enumerable.Range(1, shards)), StringComparison.Ordinal)
            .Replace("__SHARDS__", shards.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>The template of <paramref name="host"/>, or an error naming the hosts there are.</summary>
    public static CiTemplate For(string host) =>
        All.FirstOrDefault(t => t.Host == host)
        ?? throw new ArgumentException($"--host '{host}' has no template; use one of {string.Join(", ", All.Select(t => t.Host))}.");
}
