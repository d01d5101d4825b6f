using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Hardening;

/// <summary>
/// The whole Ci of the sample repository (every gate with the real tools, then Package pushing to a feed whose
/// URL carries credentials) with secrets planted in every kind of place a user puts them; then the other
/// targets with the same secrets. No planted secret may appear on the console or anywhere under artifacts/,
/// and ten bad-input runs afterwards leave the Ci bundle exactly as it was.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(GateRunsCollection))]
public sealed class PlantedSecretsTests
{
    private const string ApiKey = "tg-planted-api-key-0001";
    private const string FeedPassword = "tg-planted-feed-pass-0002";
    private const string RegistryPassword = "tg-planted-registry-pass-0003";

    private static readonly string[] Planted = [ApiKey, FeedPassword, RegistryPassword, "feeduser:"];

    public sealed class FullBuild : TollgateBuild, IStandardGates, IUseSharedTools;

    [Fact]
    public async Task No_planted_secret_reaches_the_console_or_artifacts_and_bad_input_after_ci_loses_nothing()
    {
        using var sample = new SampleRepository();
        sample.Write(".nuke/security.json", """
            { "waivers": [ { "scanner": "trivy", "reason": "not installable here" }, { "scanner": "nuget-audit", "reason": "no vulnerability feed here" } ] }
            """);
        sample.Write(".nuke/environments.json", """{ "environments": { "dev": { "strategy": "command", "target": { "deploy": ["true"] } } } }""");
        sample.Write(".gitignore", "artifacts/\n.nuke/temp/\n.nuke/deployments/\nbin/\nobj/\n");
        var git = await GitRepository.InitAsync(sample.Root);
        await git.CommitAsync("sample");
        await git.TagAsync("v1.0.0");
        var feed = $"http://feeduser:{FeedPassword}@127.0.0.1:{ClosedPort.Number}/v3/index.json";
        var environment = new Dictionary<string, string> { ["TOLLGATE_CONTAINER_REGISTRY_PASSWORD"] = RegistryPassword };
        string[] secrets = ["--nuget-feed", feed, "--nuget-api-key", ApiKey, "--container-registry-username", "ci"];

        var ci = await HostRun.RunAsync<FullBuild>(sample.Root, ["Ci", .. secrets], environment);

        Assert.True(ci.ExitCode == ExitCodes.Failure, ci.Output + ci.Error); // every gate passes; the push to a closed port fails
        Assert.True(ci.Error.Contains("Package gate error: dotnet nuget push Sample 1.0.0 to http://***@127.0.0.1:", StringComparison.Ordinal), ci.Output + ci.Error);
        Assert.Equal("error", Gate.Read(sample.Evidence, "Package").Status);
        NoSecretIn(ci, sample.Root);
        var bundle = DirectoryDigests.Of(sample.Evidence);

        string[][] badInputs =
        [
            ["Ci", "--coverage-threshold", "170"], ["Ci", "--nuget-fed", feed], ["Cii"], ["Deploy"], ["Deploy", "--env", "../x"],
            ["Ci", "--mutation-concurrency", "0"], ["--plan", "Ci", .. secrets], ["Ci", "--verbosity", "chatty"], ["Ci", "--evidence-history", "many"], ["--help", .. secrets],
        ];
        foreach (var args in badInputs)
        {
            var run = await HostRun.RunAsync<FullBuild>(sample.Root, args, environment);
            Assert.True(run.ExitCode is ExitCodes.BadInput or ExitCodes.Success, $"{string.Join(' ', args)}: {run.ExitCode} {run.Error}");
            NoSecretIn(run, sample.Root);
        }

        Assert.Equal(bundle, DirectoryDigests.Of(sample.Evidence));
        Assert.Empty(EvidenceVerifier.Verify(sample.Evidence));

        foreach (var args in new[] { ["Verify"], ["Audit", "--audit-evidence", "artifacts"], ["GenerateCi", "--host", "github"], new[] { "Deploy", "--env", "dev", "--required-gates" } })
        {
            var run = await HostRun.RunAsync<FullBuild>(sample.Root, [.. args, .. secrets], environment);
            NoSecretIn(run, sample.Root);
        }
    }

    private static void NoSecretIn(HostRun run, string root)
    {
        foreach (var secret in Planted)
        {
            Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, run.Error, StringComparison.Ordinal);
        }

        var artifacts = Path.Combine(root, "artifacts");
        foreach (var file in Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, "*", SearchOption.AllDirectories) : [])
        {
            var text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(file));
            foreach (var secret in Planted)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{Path.GetRelativePath(root, file)} holds the planted secret {secret}");
            }
        }
    }
}
