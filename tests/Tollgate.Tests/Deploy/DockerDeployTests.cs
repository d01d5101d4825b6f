using System.Formats.Tar;
using System.Text;
using Tollgate.Engine;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;
using Tollgate.Tools.Docker;

namespace Tollgate.Tests.Deploy;

/// <summary>The docker strategy against the real engine: busybox httpd images serving their version, switched by health check.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(DockerCollection))]
public sealed class DockerDeployTests(DockerHost docker)
{
    // The registry part names no registry that answers: an image that is not in the engine fails to pull at once.
    private const string Image = "127.0.0.1:1/tollgate-web";

    private async Task BuildImage(string version, bool serves = true)
    {
        var dockerfile = serves
            ? $"FROM {DockerHost.BaseImage}\nCOPY version.txt /www/version.txt\nCMD [\"sh\", \"-c\", \"exec httpd -f -p 127.0.0.1:$PORT -h /www\"]\n"
            : $"FROM {DockerHost.BaseImage}\nCMD [\"sleep\", \"300\"]\n";
        var context = new MemoryStream();
        using (var tar = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("Dockerfile", dockerfile), ("version.txt", version + "\n") })
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
                tar.WriteEntry(entry);
            }
        }

        context.Position = 0;
        using var engine = new DockerEngine(docker.Socket);
        await engine.BuildAsync(context, new DockerBuildSettings { Tags = [$"{Image}:{version}"] }, _ => { }, CancellationToken.None);
    }

    private static async Task<string> Version(int port)
    {
        using var http = new HttpClient();
        return (await http.GetStringAsync($"http://127.0.0.1:{port}/version.txt")).Trim();
    }

    [Fact]
    public async Task Deploy_switches_on_a_passing_health_check_a_failing_one_leaves_the_old_serving_and_rollback_returns()
    {
        var (a, b) = (FreePort.Next(), FreePort.Next());
        var environment = $$"""
            {
              "environments": {
                "dev": {
                  "strategy": "docker",
                  "trustedKeys": ["keys/ci.pub.pem"],
                  "target": { "image": "{{Image}}", "container": "tollgate-web-dev", "ports": [{{a}}, {{b}}], "socket": "{{docker.Socket}}" },
                  "healthCheck": { "url": "http://127.0.0.1:{port}/version.txt" },
                  "timeoutSeconds": 5
                }
              }
            }
            """;
        using var repository = await DeployRepository.CreateAsync(environment);
        using var key = Tollgate.Evidence.EvidenceKey.Read(SigningKeys.Create(Path.Combine(repository.Root, "keys"), "ci").PrivatePem, "test");
        await BuildImage("1.0.0");
        await BuildImage("2.0.0");
        await BuildImage("3.0.0", serves: false);
        Task<HostRun> Deploy(string version) => HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", "dev", "--evidence", repository.WriteBundle(version, key: key)]);

        var first = await Deploy("1.0.0");
        Assert.True(first.ExitCode == ExitCodes.Success, first.Output + first.Error);
        Assert.Equal("1.0.0", await Version(a));

        var second = await Deploy("2.0.0");
        Assert.True(second.ExitCode == ExitCodes.Success, second.Output + second.Error);
        Assert.Equal("2.0.0", await Version(b));
        await Assert.ThrowsAsync<HttpRequestException>(() => Version(a));
        Assert.Contains("stopped and kept for rollback", second.Output, StringComparison.Ordinal);

        var broken = await Deploy("3.0.0");
        Assert.Equal(ExitCodes.Failure, broken.ExitCode);
        Assert.Contains("3.0.0 → dev (docker): rolled-back", broken.Output, StringComparison.Ordinal);
        Assert.Equal("2.0.0", await Version(b));

        var rollback = await HostRun.RunAsync<DeployBuild>(repository.Root, ["Rollback", "--env", "dev"]);
        Assert.True(rollback.ExitCode == ExitCodes.Success, rollback.Output + rollback.Error);
        Assert.Equal("1.0.0", await Version(a));
        await Assert.ThrowsAsync<HttpRequestException>(() => Version(b));

        var history = repository.Read(".nuke/deployments/dev.json");
        Assert.Equal(4, history.Split("\"environment\": \"dev\"").Length - 1);
        Assert.Contains("\"outcome\": \"rolled-back\"", history, StringComparison.Ordinal);

        var missing = await Deploy("9.9.9");
        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.Contains($"image {Image}:9.9.9 is not in the engine and could not be pulled", missing.Error, StringComparison.Ordinal);
        Assert.Equal("1.0.0", await Version(a));

        using var engine = new DockerEngine(docker.Socket);
        foreach (var container in await engine.ListContainersAsync("tollgate.environment=dev", CancellationToken.None))
        {
            await engine.RemoveContainerAsync(container!["Id"]!.GetValue<string>(), CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_engine_that_is_down_is_an_error_naming_its_socket()
    {
        using var repository = await DeployRepository.CreateAsync($$"""
            { "environments": { "dev": { "strategy": "docker", "target": { "image": "{{Image}}", "container": "x", "ports": [{{FreePort.Next()}}], "socket": "/tmp/tollgate-no-engine.sock" } } } }
            """);

        var run = await HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", "dev", "--evidence", repository.WriteBundle("1.0.0")]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("The Docker engine is not reachable at unix:///tmp/tollgate-no-engine.sock", run.Error, StringComparison.Ordinal);
    }
}
