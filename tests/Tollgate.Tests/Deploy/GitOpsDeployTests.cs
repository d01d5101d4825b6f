using Tollgate.Engine;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Deploy;

/// <summary>The gitops strategy against a bare deployment repository the test makes.</summary>
[Trait("Category", "Integration")]
public sealed class GitOpsDeployTests
{
    private static async Task<(DeployRepository Service, string Deployments)> Repositories()
    {
        var service = await DeployRepository.CreateAsync("""
            { "environments": { "staging": { "strategy": "gitops", "target": { "repository": "scratch/deployments.git", "valuesFile": "envs/staging/values.yaml" } } } }
            """);
        var seed = await GitRepository.InitAsync(Path.Combine(service.Root, "scratch", "deployments-seed"));
        Directory.CreateDirectory(Path.Combine(seed.Root, "envs", "staging"));
        File.WriteAllText(Path.Combine(seed.Root, "envs", "staging", "values.yaml"), "image:\n  repository: shop/api\n  tag: \"0.9.0\" # Tollgate sets this\n");
        await seed.CommitAsync("seed");
        var bare = Path.Combine(service.Root, "scratch", "deployments.git");
        var cloned = await Shell.RunAsync(seed.Root, "git", ["clone", "--quiet", "--bare", seed.Root, bare]);
        Assert.True(cloned.ExitCode == 0, cloned.Error);
        return (service, bare);
    }

    private static async Task<string> Show(string bare, string path) =>
        (await Shell.RunAsync(bare, "git", ["show", $"main:{path}"])).Output;

    [Fact]
    public async Task Deploy_commits_the_tag_and_a_registry_entry_and_pushes_and_rollback_reverts_that_commit()
    {
        var (service, bare) = await Repositories();
        using var _ = service;

        var first = await HostRun.RunAsync<DeployBuild>(service.Root, ["Deploy", "--env", "staging", "--evidence", service.WriteBundle("1.0.0")]);
        var second = await HostRun.RunAsync<DeployBuild>(service.Root, ["Deploy", "--env", "staging", "--evidence", service.WriteBundle("1.1.0")]);

        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        Assert.True(second.ExitCode == ExitCodes.Success, second.Output + second.Error);
        Assert.Contains("tag: \"1.1.0\" # Tollgate sets this", await Show(bare, "envs/staging/values.yaml"), StringComparison.Ordinal);
        var registry = await Show(bare, "deployments/staging.json");
        Assert.Contains("\"version\": \"1.0.0\"", registry, StringComparison.Ordinal);
        Assert.Contains($"\"commit\": \"{service.Head}\"", registry, StringComparison.Ordinal);
        var subjects = (await Shell.RunAsync(bare, "git", ["log", "--format=%s", "main"])).Output;
        Assert.StartsWith("Tollgate: deploy 1.1.0 to staging\nTollgate: deploy 1.0.0 to staging\n", subjects, StringComparison.Ordinal);

        var rollback = await HostRun.RunAsync<DeployBuild>(service.Root, ["Rollback", "--env", "staging"]);

        Assert.True(rollback.ExitCode == ExitCodes.Success, rollback.Output + rollback.Error);
        Assert.Contains("tag: \"1.0.0\" # Tollgate sets this", await Show(bare, "envs/staging/values.yaml"), StringComparison.Ordinal);
        Assert.StartsWith("Tollgate: roll back staging to 1.0.0 (reverts ", (await Shell.RunAsync(bare, "git", ["log", "-1", "--format=%s", "main"])).Output, StringComparison.Ordinal);
        var after = await Show(bare, "deployments/staging.json");
        Assert.Contains("\"action\": \"rollback\"", after, StringComparison.Ordinal);
        Assert.Contains("\"version\": \"1.1.0\"", after, StringComparison.Ordinal);
    }
}
