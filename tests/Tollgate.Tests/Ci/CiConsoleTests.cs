using Tollgate.Engine;
using Tollgate.Tests.Host;
using Tollgate.Tests.Security;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Ci;

/// <summary>A run with a failing gate (a planted secret), rendered in each host's own forms.</summary>
public sealed class CiConsoleTests : IDisposable
{
    private readonly TempDirectory repository = new();

    public CiConsoleTests()
    {
        repository.Write(".nuke/security.json", """
            { "waivers": [ { "scanner": "trivy", "reason": "r" }, { "scanner": "nuget-audit", "reason": "r" } ] }
            """);
        repository.Write("config/settings.txt", $"key = {PlantedSecrets.AwsKeyId}\n");
    }

    public void Dispose() => repository.Dispose();

    private Task<HostRun> Run(Dictionary<string, string> environment) => HostRun.RunAsync<SecurityBuild>(repository.Path, ["SecurityScan"], environment);

    [Fact]
    public async Task GitHub_gets_groups_error_annotations_and_the_summary_in_the_step_summary()
    {
        var summary = repository.Write("step-summary.md", "# earlier step\n");

        var run = await Run(new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary });

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.True(lines.IndexOf("::group::SecurityScan") < lines.IndexOf("::endgroup::"), run.Output);
        Assert.Contains("::error file=config/settings.txt,line=1,title=SecurityScan aws-access-key-id::AWS access key id", lines);
        Assert.Contains(lines, l => l.StartsWith("::error title=SecurityScan::1 critical finding(s)", StringComparison.Ordinal));
        var text = File.ReadAllText(summary);
        Assert.StartsWith("# earlier step\n", text, StringComparison.Ordinal);
        Assert.Contains("# Tollgate evidence: failed", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PlantedSecrets.AwsKeyId, run.Output + run.Error + text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_gets_groups_logissue_commands_and_the_uploaded_summary()
    {
        var run = await Run(new() { ["TF_BUILD"] = "True" });

        Assert.Contains("##[group]SecurityScan", run.Output, StringComparison.Ordinal);
        Assert.Contains("##vso[task.logissue type=error;sourcepath=config/settings.txt;linenumber=1;code=aws-access-key-id]SecurityScan: AWS access key id", run.Output, StringComparison.Ordinal);
        Assert.Contains($"##vso[task.uploadsummary]{Path.Combine(repository.Path, "artifacts", "evidence", "summary.md")}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamCity_gets_blocks_statistics_and_a_build_problem()
    {
        var run = await Run(new() { ["TEAMCITY_VERSION"] = "2025.07" });

        Assert.Contains("##teamcity[blockOpened name='SecurityScan']", run.Output, StringComparison.Ordinal);
        Assert.Contains("##teamcity[buildStatisticValue key='tollgate.securityscan.critical' value='1']", run.Output, StringComparison.Ordinal);
        Assert.Contains("##teamcity[buildProblem description='SecurityScan failed: 1 critical finding(s); the policy allows none at critical or high' identity='tollgate-securityscan']", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GitLab_gets_collapsed_sections_and_every_host_gets_the_same_code_quality_report()
    {
        var run = await Run(new() { ["GITLAB_CI"] = "true" });

        Assert.Matches(@"\u001b\[0Ksection_start:\d+:tollgate_securityscan\[collapsed=true\]\r\u001b\[0KSecurityScan", run.Output);
        Assert.Matches(@"\u001b\[0Ksection_end:\d+:tollgate_securityscan\r\u001b\[0K", run.Output);
        var quality = File.ReadAllText(Path.Combine(repository.Path, "artifacts", "evidence", "codequality.json"));
        Assert.Contains("\"check_name\": \"aws-access-key-id\"", quality, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"config/settings.txt\"", quality, StringComparison.Ordinal);
        Assert.Contains("\"severity\": \"critical\"", quality, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_run_prints_no_ci_commands()
    {
        var run = await Run([]);

        Assert.DoesNotContain("::", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("##", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("section_start", run.Output, StringComparison.Ordinal);
    }
}
