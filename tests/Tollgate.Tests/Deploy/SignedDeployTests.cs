using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Deploy;

/// <summary>Environments that trust only evidence signed by their builds' keys (<c>trustedKeys</c>), on the command and docker strategies.</summary>
[Trait("Category", "Integration")]
public sealed class SignedDeployTests
{
    private const string Environments = """
        {
          "environments": {
            "prod": {
              "strategy": "command",
              "approval": false,
              "trustedKeys": ["keys/ci.pub.pem"],
              "target": { "deploy": ["sh", "-c", "echo $0 > deployed.txt", "{version}"] }
            },
            "prod-eu": {
              "strategy": "docker",
              "approval": false,
              "trustedKeys": ["keys/ci.pub.pem"],
              "target": { "image": "registry.local/app", "container": "app", "ports": [18080], "socket": "/nonexistent/docker.sock" }
            },
            "prod-rotating": {
              "strategy": "command",
              "approval": false,
              "trustedKeys": [{ "key": "keys/ci.pub.pem", "until": "2020-01-31" }, { "key": "scratch/other.pub.pem", "until": "2999-12-31" }],
              "target": { "deploy": ["sh", "-c", "echo $0 > deployed-rotating.txt", "{version}"] }
            },
            "production-open": {
              "strategy": "command",
              "approval": false,
              "target": { "deploy": ["sh", "-c", "echo $0 > deployed-open.txt", "{version}"] }
            }
          }
        }
        """;

    private static async Task<(DeployRepository Repository, SigningKeys Ci, SigningKeys Other)> Repository()
    {
        var repository = await DeployRepository.CreateAsync(Environments);
        return (repository, SigningKeys.Create(Path.Combine(repository.Root, "keys"), "ci"), SigningKeys.Create(Path.Combine(repository.Root, "scratch"), "other"));
    }

    private static Task<HostRun> Deploy(DeployRepository repository, string environment, string bundle) =>
        HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", environment, "--evidence", bundle]);

    [Fact]
    public async Task A_bundle_signed_by_a_trusted_key_deploys()
    {
        var (repository, ci, _) = await Repository();
        using var _ = repository;
        using var key = EvidenceKey.Read(ci.PrivatePem, "test");

        var run = await Deploy(repository, "prod", repository.WriteBundle("1.0.0", key: key));

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal("1.0.0", repository.Read("deployed.txt").Trim());
    }

    [Fact]
    public async Task A_signed_bundle_changed_after_signing_is_refused_naming_the_file()
    {
        var (repository, ci, _) = await Repository();
        using var _ = repository;
        using var key = EvidenceKey.Read(ci.PrivatePem, "test");
        var bundle = repository.WriteBundle("1.0.0", key: key);
        var manifest = Path.Combine(bundle, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"", StringComparison.Ordinal));

        var run = await Deploy(repository, "prod", bundle);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("altered: manifest.json", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.Root, "deployed.txt")));
    }

    [Fact]
    public async Task A_key_past_its_day_of_trust_is_refused_by_name_and_one_still_trusted_deploys()
    {
        var (repository, ci, other) = await Repository();
        using var _ = repository;
        using var old = EvidenceKey.Read(ci.PrivatePem, "test");
        using var current = EvidenceKey.Read(other.PrivatePem, "test");

        var expired = await Deploy(repository, "prod-rotating", repository.WriteBundle("1.0.0", key: old));
        var trusted = await Deploy(repository, "prod-rotating", repository.WriteBundle("1.1.0", key: current));

        Assert.Equal(ExitCodes.Failure, expired.ExitCode);
        Assert.Contains($"is signed by key {ci.Id} (keys/ci.pub.pem), which prod-rotating trusted until 2020-01-31", expired.Error, StringComparison.Ordinal);
        Assert.True(trusted.ExitCode == ExitCodes.Success, trusted.Output + trusted.Error);
        Assert.Equal("1.1.0", repository.Read("deployed-rotating.txt").Trim());
    }

    [Fact]
    public async Task An_unsigned_bundle_is_refused_naming_the_trusted_key()
    {
        var (repository, ci, _) = await Repository();
        using var _ = repository;

        var run = await Deploy(repository, "prod", repository.WriteBundle("1.0.0"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("unsigned: manifest.json is not signed", run.Error, StringComparison.Ordinal);
        Assert.Contains(ci.Id, run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.Root, "deployed.txt")));
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("prod-eu")]
    public async Task A_bundle_signed_by_another_key_is_refused_naming_its_key_on_either_strategy(string environment)
    {
        var (repository, ci, other) = await Repository();
        using var _ = repository;
        using var key = EvidenceKey.Read(other.PrivatePem, "test");

        var run = await Deploy(repository, environment, repository.WriteBundle("1.0.0", key: key));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"untrusted: manifest.sig.json: signed by key {other.Id}, which is not among the trusted keys ({ci.Id}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repository.Root, "deployed.txt")));
    }

    [Fact]
    public async Task A_production_environment_without_trusted_keys_deploys_with_a_warning()
    {
        var (repository, _, _) = await Repository();
        using var __ = repository;

        var run = await Deploy(repository, "production-open", repository.WriteBundle("1.0.0"));

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Contains("production-open deploys evidence whoever signed it, or unsigned: list the public keys of your builds as trustedKeys", run.Output, StringComparison.Ordinal);
    }
}
