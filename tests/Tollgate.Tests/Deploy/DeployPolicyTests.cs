using Tollgate.Deploy;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Deploy;

public sealed class DeployPolicyTests
{
    private static DeploymentRecord Record(string action, string version, string outcome = "succeeded") =>
        new("prod", action, version, null, "docker", DateTimeOffset.UnixEpoch, "ci", null, null, outcome, null, "");

    [Fact]
    public void A_rollback_returns_to_the_version_before_the_one_in_place_skipping_failed_deployments()
    {
        var history = new[] { Record("deploy", "1.0.0"), Record("deploy", "2.0.0"), Record("deploy", "3.0.0", "rolled-back"), Record("deploy", "2.1.0") };

        Assert.Equal("2.0.0", DeploymentHistory.Previous(history)!.Version);
        Assert.Equal("1.0.0", DeploymentHistory.Previous([.. history, Record("rollback", "2.0.0")])!.Version);
        Assert.Null(DeploymentHistory.Previous([Record("deploy", "1.0.0")]));
    }

    [Fact]
    public void Yaml_values_are_set_by_dotted_key_keeping_comments_and_layout()
    {
        const string values = "# prod values\nimage:\n  repository: shop/api\n  tag: \"1.0.0\" # set by Tollgate\nreplicas: 3\ntag: top-level\n";

        var updated = YamlValue.Set(values, "image.tag", "2.0.0", "values.yaml");

        Assert.Equal("# prod values\nimage:\n  repository: shop/api\n  tag: \"2.0.0\" # set by Tollgate\nreplicas: 3\ntag: top-level\n", updated);
        var missing = Assert.Throws<InvalidDataException>(() => YamlValue.Set(values, "image.digest", "x", "deploy:envs/prod/values.yaml"));
        Assert.StartsWith("deploy:envs/prod/values.yaml has no scalar at 'image.digest'", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_lock_on_an_environment_fails_at_once_naming_the_holder()
    {
        using var directory = new TempDirectory(withNuke: false);
        var path = Path.Combine(directory.Path, "prod.lock");

        using (EnvironmentLock.Acquire(path, "prod", "alice (laptop)"))
        {
            var held = Assert.Throws<IOException>(() => EnvironmentLock.Acquire(path, "prod", "bob (ci)"));
            Assert.StartsWith("prod is being deployed by alice (laptop) since ", held.Message, StringComparison.Ordinal);
        }

        using var again = EnvironmentLock.Acquire(path, "prod", "bob (ci)");
        Assert.Null(again.TookOver);
    }

    [Fact]
    public async Task A_lock_left_by_a_killed_deploy_on_this_host_is_taken_over_saying_so_one_from_another_host_is_not()
    {
        using var directory = new TempDirectory(withNuke: false);
        var path = Path.Combine(directory.Path, "prod.lock");
        // A deploy that was killed: a real process, gone now, left its lock.
        using (var process = System.Diagnostics.Process.Start("sleep", "0"))
        {
            await process.WaitForExitAsync();
            File.WriteAllText(path, $"process {Environment.MachineName} {process.Id} 638000000000000000\ncarol (ci) since 2026-12-06T10:00:00Z");
        }

        using (var taken = EnvironmentLock.Acquire(path, "prod", "dave (laptop)"))
        {
            Assert.Equal("carol (ci) since 2026-12-06T10:00:00Z", taken.TookOver);
            Assert.Contains("dave (laptop)", File.ReadAllText(path), StringComparison.Ordinal);
        }

        // A live holder (this very process) keeps its lock; so does one on another host, whose process cannot be checked from here.
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        File.WriteAllText(path, $"process {Environment.MachineName} {Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}\nerin (ci) since now");
        Assert.StartsWith("prod is being deployed by erin (ci) since now", Assert.Throws<IOException>(() => EnvironmentLock.Acquire(path, "prod", "dave")).Message, StringComparison.Ordinal);
        File.WriteAllText(path, "process another-host 1 1\nfrank (ci) since now");
        Assert.StartsWith("prod is being deployed by frank (ci) since now", Assert.Throws<IOException>(() => EnvironmentLock.Acquire(path, "prod", "dave")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "environments": { "dev": { "strategy": "ftp", "target": {} } } }""", "dev", ".nuke/environments.json:1: environments.dev.strategy: \"ftp\" is not allowed (expected one of \"docker\", \"gitops\", \"command\")")]
    [InlineData("""{ "environments": { "dev": { "strategy": "docker", "target": { "image": "a", "container": "b", "ports": [1, 2, 3] } } } }""", "dev", ".nuke/environments.json:1: environments.dev.target.ports: has 3 item(s) (expected at most 2)")]
    [InlineData("""{ "environments": { "dev": { "strategy": "command", "target": { "deploy": "helm upgrade" } } } }""", "dev", ".nuke/environments.json:1: environments.dev.target.deploy: \"helm upgrade\" is a string (expected array)")]
    [InlineData("{ \"environments\": {\n  \"prod\": {\n    \"strategy\": \"command\",\n    \"approval\": \"true\",\n    \"target\": { \"deploy\": [\"x\"] } } } }", "prod", ".nuke/environments.json:4: environments.prod.approval: \"true\" is a string (expected boolean)")]
    [InlineData("{ \"environments\": {\n  \"prod\": {\n    \"strategy\": \"command\",\n    \"aproval\": false,\n    \"target\": { \"deploy\": [\"x\"] } } } }", "prod", ".nuke/environments.json:4: environments.prod.aproval: unknown key, did you mean \"approval\"? (expected one of strategy, trustedKeys, approval, timeoutSeconds, history, healthCheck, target)")]
    [InlineData("""{ "environments": { "dev": { "strategy": "command", "timeoutSeconds": 0, "target": { "deploy": ["x"] } } } }""", "dev", ".nuke/environments.json:1: environments.dev.timeoutSeconds: 0 is too small (expected 1 or more)")]
    [InlineData("""{ "environments": { "../up": { "strategy": "command", "target": { "deploy": ["x"] } } } }""", "dev", ".nuke/environments.json: environment name '../up' is not lower-case letters, digits and dashes; rename it (e.g. prod-eu).")]
    [InlineData("""{ "environments": { "dev": { "strategy": "gitops", "target": { "repository": "../deploy" } } } }""", "dev", ".nuke/environments.json environment 'dev': \"valuesFile\" is missing or empty; add it.")]
    [InlineData("""{ "environments": { "dev": { "strategy": "command", "target": { "deploy": ["x"] } } } }""", "qa", "--env 'qa' is not declared in .nuke/environments.json; declared: dev.")]
    public void Environment_mistakes_are_one_line_naming_file_environment_value_and_fix(string json, string name, string message)
    {
        using var directory = new TempDirectory();
        var path = directory.Write(".nuke/environments.json", json);

        Assert.Equal(message, Assert.Throws<InvalidDataException>(() => EnvironmentsFile.Read(path, ".nuke/environments.json", name)).Message);
    }

    [Theory]
    [InlineData("prod", true)]
    [InlineData("production", true)]
    [InlineData("live", true)]
    [InlineData("prod-eu", true)]
    [InlineData("eu-live", true)]
    [InlineData("dev", false)]
    [InlineData("staging", false)]
    [InlineData("products", false)]
    public void Environments_that_look_like_production_need_approval_by_default(string name, bool approval)
    {
        using var directory = new TempDirectory();
        var path = directory.Write(".nuke/environments.json", $$"""
            { "environments": { "{{name}}": { "strategy": "command", "target": { "deploy": ["x"] } } } }
            """);

        Assert.Equal(approval, EnvironmentsFile.Read(path, "e", name).Approval);
    }

    [Fact]
    public async Task Promotion_refuses_a_tampered_bundle_a_failed_gate_and_another_commit()
    {
        using var repository = await DeployRepository.CreateAsync("{}");
        var good = repository.WriteBundle("1.0.0");
        Assert.Equal(new PromotedBuild("1.0.0", repository.Head, null), PromotedBuild.From(good, repository.Head, null, StandardGates.Names));

        File.AppendAllText(Path.Combine(good, "gates", "lint.json"), " ");
        var tampered = Assert.Throws<InvalidDataException>(() => PromotedBuild.From(good, repository.Head, null, StandardGates.Names));
        Assert.Contains("does not verify: altered: gates/lint.json", tampered.Message, StringComparison.Ordinal);

        var failed = Assert.Throws<InvalidDataException>(() => PromotedBuild.From(repository.WriteBundle("1.1.0", lint: GateStatus.Failed), repository.Head, null, StandardGates.Names));
        Assert.Contains("is of a run that failed; deploy only the bundle of a run that succeeded", failed.Message, StringComparison.Ordinal);

        var other = Assert.Throws<InvalidDataException>(() => PromotedBuild.From(repository.WriteBundle("1.2.0", commit: new string('a', 40)), repository.Head, null, StandardGates.Names));
        Assert.Contains($"belongs to commit {new string('a', 40)}, not to {repository.Head}", other.Message, StringComparison.Ordinal);
    }
}
