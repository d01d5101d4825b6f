using Tollgate.Engine;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Tollgate.Tests.Ci;

/// <summary>The shipped CI templates: what GenerateCi writes (snapshots: the files in shared-targets/ci/), parsed as YAML and checked to run the build as documented.</summary>
public sealed class CiTemplateTests : IDisposable
{
    private readonly TempDirectory repository = new();

    public void Dispose() => repository.Dispose();

    public sealed class GenerateBuild : TollgateBuild, IGenerateCi;

    private static string Shipped(string relative) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "shared-targets", "ci", relative));

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => current is YamlSequenceNode sequence ? sequence.Children[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private async Task<string> Generate(string host, string written)
    {
        var run = await HostRun.RunAsync<GenerateBuild>(repository.Path, ["GenerateCi", "--host", host]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        return File.ReadAllText(Path.Combine(repository.Path, written));
    }

    [Fact]
    public async Task GitHub_workflow_checks_out_full_history_runs_build_sh_ci_and_uploads_the_evidence()
    {
        var text = await Generate("github-actions", ".github/workflows/tollgate.yml");

        Assert.Equal(Shipped("github/tollgate.yml"), text);
        var steps = (YamlSequenceNode)At(Yaml(text), "jobs", "gates", "steps");
        Assert.Equal("0", Scalar(steps, "0", "with", "fetch-depth"));
        Assert.Equal("./build.sh ${{ inputs.target || 'Ci' }}", Scalar(steps, "3", "run"));
        Assert.Equal(("always()", "artifacts/evidence/"), (Scalar(steps, "5", "if"), Scalar(steps, "5", "with", "path")));
        // On a pull request: the main branch's last evidence as the base, then the report posted as the one comment.
        Assert.Equal("github.event_name == 'pull_request'", Scalar(steps, "2", "if"));
        Assert.Contains("gh run download \"$run\" --name evidence --dir artifacts/base-evidence", Scalar(steps, "2", "run"), StringComparison.Ordinal);
        Assert.Equal("./build.sh CommentOnPullRequest --pull-request-token \"${{ github.token }}\"", Scalar(steps, "4", "run"));
        Assert.Equal("write", Scalar(Yaml(text), "permissions", "pull-requests"));
        Assert.Equal("Ci", Scalar(Yaml(text), "on", "workflow_call", "inputs", "target", "default"));
    }

    [Fact]
    public async Task GitLab_quality_gates_runs_build_sh_ci_and_hands_junit_cobertura_and_code_quality_to_gitlab()
    {
        var text = await Generate("gitlab-ci", ".gitlab/quality-gates.yml");

        Assert.Equal(Shipped("gitlab/quality-gates.yml"), text);
        var job = Yaml(text);
        Assert.Equal("./build.sh Ci", Scalar(job, "tollgate", "script", "0"));
        Assert.Equal("0", Scalar(job, "tollgate", "variables", "GIT_DEPTH"));
        Assert.Equal("artifacts/evidence/junit.xml", Scalar(job, "tollgate", "artifacts", "reports", "junit"));
        Assert.Equal("artifacts/evidence/reports/coverage/Cobertura.xml", Scalar(job, "tollgate", "artifacts", "reports", "coverage_report", "path"));
        Assert.Equal("artifacts/codequality.json", Scalar(job, "tollgate", "artifacts", "reports", "codequality"));
        Assert.Contains("cp artifacts/evidence/pr-codequality.json artifacts/codequality.json", Scalar(job, "tollgate", "after_script", "0"), StringComparison.Ordinal);
        Assert.Contains("/jobs/artifacts/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME/download?job=$CI_JOB_NAME", Scalar(job, "tollgate", "before_script", "0"), StringComparison.Ordinal);
        Assert.Contains("unzip -q base-evidence.zip -d artifacts/base-evidence", Scalar(job, "tollgate", "before_script", "0"), StringComparison.Ordinal);
        Assert.Contains("./build.sh CommentOnPullRequest --pull-request-token \"$TOLLGATE_GITLAB_TOKEN\"", Scalar(job, "tollgate", "after_script", "1"), StringComparison.Ordinal);
        Assert.Matches(Scalar(job, "tollgate", "coverage").Trim('/'), "Coverage      Succeeded   3.1 s     95.05 % lines");
    }

    [Fact]
    public async Task Azure_pipeline_runs_build_sh_ci_and_publishes_tests_coverage_and_evidence()
    {
        var text = await Generate("azure-pipelines", "azure-pipelines.yml");

        Assert.Equal(Shipped("azure/azure-pipelines.yml"), text);
        var steps = (YamlSequenceNode)At(Yaml(text), "steps");
        Assert.Equal("0", Scalar(steps, "0", "fetchDepth"));
        Assert.Equal("./build.sh Ci", Scalar(steps, "3", "bash"));
        Assert.Equal("artifacts/evidence/junit.xml", Scalar(steps, "4", "inputs", "testResultsFiles"));
        Assert.Equal("artifacts/evidence", Scalar(steps, "6", "publish"));
        Assert.Equal(("DownloadPipelineArtifact@2", "latestFromBranch", "$(System.PullRequest.TargetBranch)", "artifacts/base-evidence"), (
            Scalar(steps, "2", "task"), Scalar(steps, "2", "inputs", "runVersion"), Scalar(steps, "2", "inputs", "runBranch"), Scalar(steps, "2", "inputs", "path")));
    }

    [Fact]
    public async Task Jenkinsfile_runs_build_sh_ci_and_records_junit_and_the_evidence()
    {
        var text = await Generate("jenkins", "Jenkinsfile");

        Assert.Equal(Shipped("jenkins/Jenkinsfile"), text);
        Assert.Contains("sh './build.sh Ci'", text, StringComparison.Ordinal);
        Assert.Contains("junit testResults: 'artifacts/evidence/junit.xml'", text, StringComparison.Ordinal);
        Assert.Contains("archiveArtifacts artifacts: 'artifacts/evidence/**'", text, StringComparison.Ordinal);
        Assert.Contains("when { changeRequest() }", text, StringComparison.Ordinal);
        Assert.Contains("target: 'artifacts/base-evidence'", text, StringComparison.Ordinal);
        Assert.Equal(text.Count(c => c == '{'), text.Count(c => c == '}'));
    }

    private async Task<string> GenerateSharded(string host, string written, int shards)
    {
        var run = await HostRun.RunAsync<GenerateBuild>(repository.Path, ["GenerateCi", "--host", host, "--shards", shards.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        return File.ReadAllText(Path.Combine(repository.Path, written));
    }

    [Fact]
    public async Task GitHub_sharded_workflow_runs_a_matrix_of_shards_then_a_merge_job_on_every_shard_s_evidence()
    {
        var yaml = Yaml(await GenerateSharded("github-actions", ".github/workflows/tollgate.yml", 3));

        Assert.Equal(["1", "2", "3"], ((YamlSequenceNode)At(yaml, "jobs", "gates", "strategy", "matrix", "shard")).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Equal("false", Scalar(yaml, "jobs", "gates", "strategy", "fail-fast"));
        Assert.Equal("./build.sh Ci --shard ${{ matrix.shard }}/3", Scalar(yaml, "jobs", "gates", "steps", "2", "run"));
        Assert.Equal("evidence-shard-${{ matrix.shard }}", Scalar(yaml, "jobs", "gates", "steps", "3", "with", "name"));
        Assert.Equal(("gates", "always()"), (Scalar(yaml, "jobs", "merge", "needs"), Scalar(yaml, "jobs", "merge", "if")));
        Assert.Equal("evidence-shard-*", Scalar(yaml, "jobs", "merge", "steps", "2", "with", "pattern"));
        Assert.Equal("./build.sh MergeEvidence Package --merge-evidence shards/evidence-shard-*", Scalar(yaml, "jobs", "merge", "steps", "3", "run"));
    }

    [Fact]
    public async Task GitLab_sharded_template_runs_parallel_jobs_that_keep_their_bundles_and_a_merge_job_that_reports()
    {
        var yaml = Yaml(await GenerateSharded("gitlab-ci", ".gitlab/quality-gates.yml", 4));

        Assert.Equal(("4", "./build.sh Ci"), (Scalar(yaml, "tollgate", "parallel"), Scalar(yaml, "tollgate", "script", "0")));
        Assert.Equal("mkdir -p shards && cp -r artifacts/evidence \"shards/$CI_NODE_INDEX\"", Scalar(yaml, "tollgate", "after_script", "0"));
        Assert.Equal("shards/", Scalar(yaml, "tollgate", "artifacts", "paths", "0"));
        Assert.Equal(("tollgate", "./build.sh MergeEvidence Package --merge-evidence shards/*"), (Scalar(yaml, "tollgate-merge", "needs", "0"), Scalar(yaml, "tollgate-merge", "script", "0")));
        Assert.Equal("artifacts/evidence/junit.xml", Scalar(yaml, "tollgate-merge", "artifacts", "reports", "junit"));
    }

    [Fact]
    public async Task Azure_sharded_pipeline_runs_parallel_agents_then_a_merge_job()
    {
        var yaml = Yaml(await GenerateSharded("azure-pipelines", "azure-pipelines.yml", 2));

        Assert.Equal(("gates", "2"), (Scalar(yaml, "jobs", "0", "job"), Scalar(yaml, "jobs", "0", "strategy", "parallel")));
        Assert.Equal("evidence-shard-$(System.JobPositionInPhase)", Scalar(yaml, "jobs", "0", "steps", "3", "artifact"));
        Assert.Equal(("merge", "gates"), (Scalar(yaml, "jobs", "1", "job"), Scalar(yaml, "jobs", "1", "dependsOn")));
        Assert.Equal("./build.sh MergeEvidence Package --merge-evidence $(Pipeline.Workspace)/evidence-shard-*", Scalar(yaml, "jobs", "1", "steps", "3", "bash"));
    }

    [Fact]
    public async Task Jenkins_sharded_pipeline_has_a_parallel_stage_per_shard_and_a_merge_stage()
    {
        var text = await GenerateSharded("jenkins", "Jenkinsfile", 3);

        foreach (var i in new[] { 1, 2, 3 })
        {
            Assert.Contains($"stage('Shard {i}')", text, StringComparison.Ordinal);
            Assert.Contains($"sh './build.sh Ci --shard {i}/3'", text, StringComparison.Ordinal);
            Assert.Contains($"stash name: 'evidence-{i}'", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("__", text, StringComparison.Ordinal);
        Assert.Contains("for (int i = 1; i <= 3; i++)", text, StringComparison.Ordinal);
        Assert.Contains("sh './build.sh MergeEvidence Package --merge-evidence shards/*/artifacts/evidence'", text, StringComparison.Ordinal);
        Assert.Equal(text.Count(c => c == '{'), text.Count(c => c == '}'));
    }

    [Fact]
    public async Task A_different_file_is_never_overwritten_without_force_and_with_force_it_is_kept_as_bak()
    {
        repository.Write("Jenkinsfile", "// ours\n");

        var refused = await HostRun.RunAsync<GenerateBuild>(repository.Path, ["GenerateCi", "--host", "jenkins"]);

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.Contains("Jenkinsfile exists and differs from Tollgate's jenkins template; merge by hand, or run GenerateCi again with --force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("// ours\n", File.ReadAllText(Path.Combine(repository.Path, "Jenkinsfile")));

        var forced = await HostRun.RunAsync<GenerateBuild>(repository.Path, ["GenerateCi", "--host", "jenkins", "--force"]);

        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.Equal("// ours\n", File.ReadAllText(Path.Combine(repository.Path, "Jenkinsfile.bak")));
        Assert.Equal(Shipped("jenkins/Jenkinsfile"), File.ReadAllText(Path.Combine(repository.Path, "Jenkinsfile")));
    }

    [Fact]
    public async Task An_unknown_host_is_bad_input_naming_the_hosts_there_are()
    {
        var run = await HostRun.RunAsync<GenerateBuild>(repository.Path, ["GenerateCi", "--host", "travis"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("--host 'travis' has no template; use one of github-actions, gitlab-ci, azure-pipelines, jenkins.", run.Error, StringComparison.Ordinal);
    }
}
