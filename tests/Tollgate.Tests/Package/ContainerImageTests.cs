using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Security;
using Tollgate.Tests.Support;
using Tollgate.Tools.Docker;

namespace Tollgate.Tests.Package;

/// <summary>Container images built through the real Docker engine's API and pushed to a real registry on 127.0.0.1.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(DockerCollection))]
public sealed class ContainerImageTests(DockerHost docker)
{
    private const string Dockerfile = $"""
        FROM {DockerHost.BaseImage}
        COPY publish/ /app/
        COPY index.html /www/index.html
        CMD ["httpd", "-f", "-p", "127.0.0.1:8080", "-h", "/www"]
        """;

    private static async Task<(SampleRepository Sample, string Sha)> SampleWithDockerfile(string tag)
    {
        var sample = new SampleRepository();
        sample.Write("src/Sample/Dockerfile", Dockerfile);
        sample.Write("src/Sample/index.html", "sample\n");
        var git = await GitRepository.InitAsync(sample.Root);
        var sha = await git.CommitAsync("sample with an image");
        await git.TagAsync(tag);
        return (sample, sha);
    }

    [Fact]
    public async Task A_project_with_a_dockerfile_gets_an_image_tagged_with_version_and_commit_labelled_and_pushed_with_its_digest_in_evidence()
    {
        var (sample, sha) = await SampleWithDockerfile("v3.1.0");
        using var _ = sample;

        var run = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--docker-socket", docker.Socket, "--container-registry", docker.Registry]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        var repository = $"{docker.Registry}/sample";
        using var engine = new DockerEngine(docker.Socket);
        var image = await engine.InspectImageAsync($"{repository}:3.1.0", CancellationToken.None);
        Assert.NotNull(image);
        var tags = image!["RepoTags"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains($"{repository}:{sha}", tags);
        var labels = image["Config"]!["Labels"]!;
        Assert.Equal((sha, "3.1.0", "Sample"), (
            labels["org.opencontainers.image.revision"]!.GetValue<string>(), labels["org.opencontainers.image.version"]!.GetValue<string>(), labels["org.opencontainers.image.title"]!.GetValue<string>()));

        using var artifacts = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "artifacts.json")));
        var entry = artifacts.RootElement.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "image");
        var digest = entry.GetProperty("digest").GetString();
        Assert.StartsWith("sha256:", digest, StringComparison.Ordinal);
        Assert.Equal(digest, await docker.ManifestDigestAsync("sample", "3.1.0"));
        Assert.Equal(digest, await docker.ManifestDigestAsync("sample", sha));
        Assert.Equal((repository, docker.Registry), (entry.GetProperty("name").GetString(), entry.GetProperty("pushedTo").GetString()));
        Assert.Equal("3.1.0: 1 package(s), 1 image(s)", Gate.Read(sample.Evidence, "Package").Headline);
        Assert.True(File.Exists(Path.Combine(sample.Root, "artifacts", "publish", "Sample", "Sample.dll")));
    }

    [Fact]
    public async Task An_image_with_a_high_vulnerability_is_built_and_scanned_but_neither_it_nor_the_package_is_pushed()
    {
        var (sample, sha) = await SampleWithDockerfile("v3.2.0");
        using var _ = sample;
        using var tools = new TempDirectory(withNuke: false);
        var trivy = new TrivyStandIn(tools.Path, "0.58.1", new Dictionary<string, string>
        {
            ["image"] = TrivyReportReaderTests.Report("vulnerabilities"),
            ["sbom"] = TrivyReportReaderTests.Report("empty"),
        });
        var feed = Path.Combine(tools.Path, "feed");

        var run = await HostRun.RunAsync<ScannedPackageBuild>(sample.Root, [
            "Package", "--required-gates", "--docker-socket", docker.Socket, "--container-registry", docker.Registry, "--nuget-feed", feed, "--trivy-executable", trivy.Path]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var repository = $"{docker.Registry}/sample";
        Assert.Equal($"{repository}:3.2.0", Assert.Single(trivy.ReadCalls(), c => c[0] == "image")[^1]);
        using var engine = new DockerEngine(docker.Socket);
        Assert.NotNull(await engine.InspectImageAsync($"{repository}:{sha}", CancellationToken.None));
        Assert.Null(await docker.ManifestDigestAsync("sample", "3.2.0"));
        Assert.Null(await docker.ManifestDigestAsync("sample", sha));
        Assert.False(Directory.Exists(feed));
        var gate = Gate.Read(sample.Evidence, "Package");
        Assert.Equal(("failed", 1.0), (gate.Status, gate.Metric("shipped-high").GetDouble()));
        Assert.Contains(gate.Findings, f => f.GetProperty("rule").GetString() == "CVE-2024-43485");
        Assert.True(File.Exists(Path.Combine(sample.Evidence, "reports", "package", "trivy-image-1.json")));
    }

    [Fact]
    public async Task An_engine_that_is_not_running_is_an_error_naming_the_socket()
    {
        var (sample, _) = await SampleWithDockerfile("v1.0.0");
        using var __ = sample;
        var socket = Path.Combine(sample.Root, "no-engine.sock");

        var run = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--docker-socket", socket]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var reason = Assert.Single(Gate.Read(sample.Evidence, "Package").Reasons);
        Assert.StartsWith($"The Docker engine is not reachable at unix://{socket}", reason, StringComparison.Ordinal);
        Assert.Contains("start dockerd", reason, StringComparison.Ordinal);
    }
}
