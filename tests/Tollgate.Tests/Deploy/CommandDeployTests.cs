using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Host;

namespace Tollgate.Tests.Deploy;

/// <summary>The command strategy, approvals, locks and promotion through the Deploy and Rollback targets, in-process.</summary>
[Trait("Category", "Integration")]
public sealed class CommandDeployTests
{
    private const string Environments = """
        {
          "environments": {
            "dev": {
              "strategy": "command",
              "target": { "deploy": ["./deploy.sh", "{version}", "{environment}"], "rollback": ["./deploy.sh", "{version}", "{environment}"] },
              "healthCheck": { "command": ["sh", "-c", "test \"$(cat deployed-dev.txt)\" != broken"] },
              "timeoutSeconds": 2
            },
            "prod": {
              "strategy": "command",
              "target": { "deploy": ["./deploy.sh", "{version}", "{environment}"] }
            }
          }
        }
        """;

    private static async Task<DeployRepository> Repository()
    {
        var repository = await DeployRepository.CreateAsync(Environments);
        var script = repository.Write("deploy.sh", "#!/bin/sh\nif [ \"$1\" = 9.9.9 ]; then echo broken > deployed-$2.txt; else echo \"$1 $TOLLGATE_COMMIT\" > deployed-$2.txt; fi\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return repository;
    }

    private static Task<HostRun> Deploy(DeployRepository repository, string version, string environment = "dev", Dictionary<string, string>? variables = null, TextReader? terminal = null, params string[] more) =>
        HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", environment, "--evidence", repository.WriteBundle(version), .. more], variables, terminal: terminal);

    [Fact]
    public async Task A_deployment_runs_the_command_with_version_and_environment_and_is_recorded_in_history_and_evidence_and_rollback_returns()
    {
        using var repository = await Repository();

        var first = await Deploy(repository, "1.0.0");
        var second = await Deploy(repository, "1.1.0");

        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Output + second.Error);
        Assert.Equal($"1.1.0 {repository.Head}\n", repository.Read("deployed-dev.txt"));
        using (var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(repository.DeployEvidence("dev"), "deployment.json"))))
        {
            Assert.Equal(("deploy", "1.1.0", "succeeded", repository.Head), (
                record.RootElement.GetProperty("action").GetString(), record.RootElement.GetProperty("version").GetString(),
                record.RootElement.GetProperty("outcome").GetString(), record.RootElement.GetProperty("commit").GetString()));
        }

        Assert.True(File.Exists(Path.Combine(repository.DeployEvidence("dev"), "promoted-manifest.json")));
        Assert.Empty(Tollgate.Evidence.EvidenceVerifier.Verify(repository.DeployEvidence("dev")));
        Assert.Empty(Tollgate.Evidence.EvidenceVerifier.Verify(repository.Bundle("1.1.0")));

        var rollback = await HostRun.RunAsync<DeployBuild>(repository.Root, ["Rollback", "--env", "dev"]);

        Assert.True(rollback.ExitCode == ExitCodes.Success, rollback.Output + rollback.Error);
        Assert.StartsWith("1.0.0 ", repository.Read("deployed-dev.txt"), StringComparison.Ordinal);
        using var history = JsonDocument.Parse(repository.Read(".nuke/deployments/dev.json"));
        Assert.Equal(["deploy 1.0.0 succeeded", "deploy 1.1.0 succeeded", "rollback 1.0.0 succeeded"], history.RootElement.EnumerateArray().Select(r =>
            $"{r.GetProperty("action").GetString()} {r.GetProperty("version").GetString()} {r.GetProperty("outcome").GetString()}"));
    }

    [Fact]
    public async Task A_failing_health_check_runs_the_rollback_command_with_the_previous_version()
    {
        using var repository = await Repository();
        await Deploy(repository, "1.0.0");

        var broken = await Deploy(repository, "9.9.9");

        Assert.Equal(ExitCodes.Failure, broken.ExitCode);
        Assert.Contains("Deploy 9.9.9 → dev (command): rolled-back", broken.Output, StringComparison.Ordinal);
        Assert.StartsWith("1.0.0 ", repository.Read("deployed-dev.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_locally_needs_approved_by_and_a_terminal_confirmation_and_fails_rather_than_waits_without_one()
    {
        using var repository = await Repository();

        var unapproved = await Deploy(repository, "1.0.0", "prod");
        var noTerminal = await Deploy(repository, "1.0.0", "prod", more: ["--approved-by", "carol"]);
        var declined = await Deploy(repository, "1.0.0", "prod", terminal: new StringReader("staging\n"), more: ["--approved-by", "carol"]);

        Assert.Contains("Deploy to prod needs approval: pass --approved-by <name>", unapproved.Error, StringComparison.Ordinal);
        Assert.Contains("Deploy to prod needs a person to confirm on a terminal, and there is none", noTerminal.Error, StringComparison.Ordinal);
        Assert.Contains("Deploy to prod was not confirmed (typed 'staging')", declined.Error, StringComparison.Ordinal);
        Assert.All(new[] { unapproved, noTerminal, declined }, run => Assert.Equal(ExitCodes.Failure, run.ExitCode));
        Assert.False(File.Exists(Path.Combine(repository.Root, "deployed-prod.txt")));

        var confirmed = await Deploy(repository, "1.0.0", "prod", terminal: new StringReader("prod\n"), more: ["--approved-by", "carol"]);

        Assert.True(confirmed.ExitCode == ExitCodes.Success, confirmed.Output + confirmed.Error);
        Assert.Contains("Type 'prod' to go on", confirmed.Output, StringComparison.Ordinal);
        Assert.Contains("\"approvedBy\": \"carol\"", repository.Read(".nuke/deployments/prod.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_ci_host_the_protected_environment_approves_and_the_run_and_user_are_recorded()
    {
        using var repository = await Repository();
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_ACTOR"] = "dave",
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "org/shop",
            ["GITHUB_RUN_ID"] = "77",
        };

        var run = await Deploy(repository, "1.0.0", "prod", variables);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        var history = repository.Read(".nuke/deployments/prod.json");
        Assert.Contains("\"by\": \"dave\"", history, StringComparison.Ordinal);
        Assert.Contains("\"approvedBy\": \"dave (github-actions protected environment)\"", history, StringComparison.Ordinal);
        Assert.Contains("\"run\": \"https://github.com/org/shop/actions/runs/77\"", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stale_or_tampered_evidence_and_a_held_lock_refuse_the_deployment_naming_why()
    {
        using var repository = await Repository();
        var other = repository.WriteBundle("2.0.0", commit: new string('b', 40));

        var stale = await HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", "dev", "--evidence", other]);

        Assert.Equal(ExitCodes.Failure, stale.ExitCode);
        Assert.Contains($"belongs to commit {new string('b', 40)}, not to {repository.Head}", stale.Error, StringComparison.Ordinal);

        var bundle = repository.WriteBundle("2.1.0");
        File.WriteAllText(Path.Combine(bundle, "summary.md"), "# all green, trust me\n");
        var tampered = await HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", "dev", "--evidence", bundle]);

        Assert.Contains("does not verify: altered: summary.md", tampered.Error, StringComparison.Ordinal);

        repository.Write(".nuke/deployments/dev.lock", "erin (build-7, process 42) since 2026-11-22T08:00:00Z");
        var locked = await Deploy(repository, "2.2.0");

        Assert.Equal(ExitCodes.Failure, locked.ExitCode);
        Assert.Contains("dev is being deployed by erin (build-7, process 42) since 2026-11-22T08:00:00Z", locked.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.Root, "deployed-dev.txt")));
    }
}
