using System.Text.Json;
using Tollgate.Engine;
using Tollgate.IO;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Package;

/// <summary>Package on the sample repository for real: dotnet pack with the git version, pushed to a folder feed and to an HTTP feed.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(PipelineRunsCollection))]
public sealed class NuGetPackageTests
{
    private static async Task<SampleRepository> TaggedSample(string tag)
    {
        var sample = new SampleRepository();
        var git = await GitRepository.InitAsync(sample.Root);
        await git.CommitAsync("sample");
        await git.TagAsync(tag);
        return sample;
    }

    /// <summary>A build whose Package may follow its own Test.</summary>
    public sealed class TestedPackageBuild : TollgateBuild, ITest, IPackage, IUseSharedTools;

    [Fact]
    public async Task Package_runs_after_the_gates_it_requires_never_beside_them()
    {
        using var sample = await TaggedSample("v1.3.0");

        var run = await HostRun.RunAsync<TestedPackageBuild>(sample.Root, ["Test", "Package", "--required-gates", "Test", "--max-parallel", "4"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        var test = Gate.Read(sample.Evidence, "Test");
        Assert.True(test.Status == "passed", string.Join("; ", test.Reasons));
        Assert.Equal(("passed", "1.3.0: 1 package(s), 0 image(s)"), (Gate.Read(sample.Evidence, "Package").Status, Gate.Read(sample.Evidence, "Package").Headline));
    }

    [Fact]
    public async Task A_version_that_cannot_be_stamped_is_said_by_compile_and_recorded_even_when_a_gate_keeps_package_from_running()
    {
        using var sample = new SampleRepository(patch: "test-fails");
        sample.Write("Directory.Build.props", sample.Read("Directory.Build.props").Replace("</PropertyGroup>", "  <VersionPrefix>3.0.0</VersionPrefix>\n  </PropertyGroup>", StringComparison.Ordinal));
        var git = await GitRepository.InitAsync(sample.Root);
        await git.CommitAsync("sample");
        await git.TagAsync("v1.2.0");

        var run = await HostRun.RunAsync<TestedPackageBuild>(sample.Root, ["Test", "Package", "--required-gates", "Test"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("failed", Gate.Read(sample.Evidence, "Test").Status);
        const string Why = "The version from git, 1.2.0 (from tag v1.2.0), is below the version Directory.Build.props declares, 3.0.0";
        Assert.Contains($"Built without a version, so Package cannot pack this run: {Why}", run.Output + run.Error, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "manifest.json")));
        var compile = manifest.RootElement.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "Compile");
        Assert.Contains($"unversioned: {Why}", compile.GetProperty("headline").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tagged_version_is_packed_pushed_to_a_folder_feed_recorded_with_its_digest_and_never_overwritten()
    {
        using var sample = await TaggedSample("v1.2.0");
        using var feedDirectory = new TempDirectory(withNuke: false);
        var feed = Path.Combine(feedDirectory.Path, "feed");

        var ungated = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--nuget-feed", feed]);

        // Refused before any work: the gates it requires are not in the run, so nothing is compiled for minutes first.
        Assert.Equal(ExitCodes.BadInput, ungated.ExitCode);
        Assert.Contains("Package requires its required gates to run before it, and Lint, Test, Coverage, Mutation, ArchitectureTests, SecurityScan are not in this run: run them with it (./build.sh Ci), or name the gates you require with --required-gates", ungated.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("> dotnet build", ungated.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(feed), "nothing may be pushed without the gates");
        Assert.False(Directory.Exists(sample.Evidence), "a run that ran nothing writes no bundle");

        var run = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--nuget-feed", feed]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        var nupkg = Path.Combine(sample.Root, "artifacts", "packages", "Sample.1.2.0.nupkg");
        Assert.True(File.Exists(nupkg));
        Assert.True(File.Exists(Path.Combine(sample.Root, "artifacts", "packages", "Sample.1.2.0.snupkg")));
        Assert.Equal(File.ReadAllBytes(nupkg), File.ReadAllBytes(Path.Combine(feed, "Sample.1.2.0.nupkg")));
        using var artifacts = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "artifacts.json")));
        var package = artifacts.RootElement.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "nupkg");
        Assert.Equal(("Sample", "1.2.0", "sha256:" + FileDigest.Sha256(nupkg), feed), (
            package.GetProperty("name").GetString(), package.GetProperty("version").GetString(), package.GetProperty("digest").GetString(), package.GetProperty("pushedTo").GetString()));
        Assert.Equal(await new GitRepository(sample.Root).GitAsync("rev-parse", "HEAD"), artifacts.RootElement.GetProperty("commit").GetString());
        Assert.Equal("1.2.0", artifacts.RootElement.GetProperty("version").GetProperty("nuGetVersion").GetString());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "manifest.json")));
        Assert.Equal("1.2.0", manifest.RootElement.GetProperty("version").GetString());
        var gate = Gate.Read(sample.Evidence, "Package");
        Assert.Equal(("passed", "1.2.0: 1 package(s), 0 image(s)"), (gate.Status, gate.Headline));
        Assert.Empty(Tollgate.Evidence.EvidenceVerifier.Verify(sample.Evidence));

        // What ships is what Compile built (and the tests would run on): stamped with the version, packed without a second compilation.
        Assert.Contains(run.Output.Split('\n'), l => l.StartsWith("> dotnet pack ", StringComparison.Ordinal) && l.Contains(" --no-build ", StringComparison.Ordinal));
        var built = Path.Combine(sample.Root, "src", "Sample", "bin", "Release", "net10.0", "Sample.dll");
        using (var zip = System.IO.Compression.ZipFile.OpenRead(nupkg))
        using (var shipped = new MemoryStream())
        {
            zip.GetEntry("lib/net10.0/Sample.dll")!.Open().CopyTo(shipped);
            Assert.Equal(File.ReadAllBytes(built), shipped.ToArray());
        }

        Assert.StartsWith("1.2.0+", System.Diagnostics.FileVersionInfo.GetVersionInfo(built).ProductVersion, StringComparison.Ordinal);
        var compiled = Path.Combine(sample.Root, "src", "Sample", "obj", "Release", "net10.0", "Sample.dll");
        var compiledAt = File.GetLastWriteTimeUtc(compiled);

        var again = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--nuget-feed", feed]);

        Assert.Equal(compiledAt, File.GetLastWriteTimeUtc(compiled));

        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains($"{feed} already has Sample 1.2.0", again.Error, StringComparison.Ordinal);
        Assert.Contains("a published version is never overwritten: tag a new version", again.Error, StringComparison.Ordinal);
        Assert.Equal("error", Gate.Read(sample.Evidence, "Package").Status);

        var relative = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--nuget-feed", "feeds/local"]);

        Assert.True(relative.ExitCode == ExitCodes.Success, relative.Output + relative.Error);
        Assert.True(File.Exists(Path.Combine(sample.Root, "feeds", "local", "Sample.1.2.0.nupkg")), "a relative feed is a folder below the root");
    }

    [Fact]
    public async Task Without_git_history_the_build_still_runs_unversioned_and_Package_says_why_it_cannot_version()
    {
        using var sample = new SampleRepository();

        var run = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(run.Output.Split('\n'), l => l.StartsWith("Compile ", StringComparison.Ordinal) && l.Contains(" Succeeded ", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Output.Split('\n'), l => l.StartsWith("> dotnet build ", StringComparison.Ordinal) && l.Contains("-p:Version=", StringComparison.Ordinal));
        Assert.Contains("is not a git repository with a commit; the version is computed from git history", run.Error, StringComparison.Ordinal);
        Assert.Equal("error", Gate.Read(sample.Evidence, "Package").Status);
    }

    [Fact]
    public async Task With_a_signing_key_the_bundle_is_signed_and_carries_provenance_that_only_its_public_key_verifies()
    {
        using var sample = await TaggedSample("v2.0.0");
        using var keysDirectory = new TempDirectory(withNuke: false);
        var keys = SigningKeys.Create(keysDirectory.Path, "ci");
        var other = SigningKeys.Create(keysDirectory.Path, "other");

        var run = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--evidence-signing-key", keys.PrivatePem]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Contains($"Evidence signed by key {keys.Id}.", run.Output, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "manifest.json")));
        Assert.Equal(keys.Id, manifest.RootElement.GetProperty("signing").GetProperty("keyId").GetString());
        Assert.Contains(manifest.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "provenance/package.intoto.json");
        using var provenance = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "provenance", "package.intoto.json")));
        var subjects = provenance.RootElement.GetProperty("subject").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("digest").GetProperty("sha256").GetString());
        Assert.Equal(FileDigest.Sha256(Path.Combine(sample.Root, "artifacts", "packages", "Sample.2.0.0.nupkg")), subjects["Sample.2.0.0.nupkg"]);
        Assert.Contains(subjects.Keys, name => name.StartsWith("Sample.2.0.0.nupkg!/lib/", StringComparison.Ordinal) && name.EndsWith("/Sample.dll", StringComparison.Ordinal));
        Assert.Contains(subjects.Keys, name => name == "Sample.2.0.0.snupkg");
        using var artifacts = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "artifacts.json")));
        var sbom = artifacts.RootElement.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "sbom");
        Assert.Equal(("Sample", "2.0.0", "artifacts/sbom/Sample.cdx.json"), (sbom.GetProperty("name").GetString(), sbom.GetProperty("version").GetString(), sbom.GetProperty("location").GetString()));
        Assert.Equal("sha256:" + FileDigest.Sha256(Path.Combine(sample.Root, "artifacts", "sbom", "Sample.cdx.json")), sbom.GetProperty("digest").GetString());
        Assert.Empty(StandardSchema.Errors("bom-1.6.schema.json", File.ReadAllText(Path.Combine(sample.Evidence, "reports", "sbom", "Sample.cdx.json"))));

        var verified = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Verify", "--evidence-public-key", keys.PublicPem]);
        var untrusted = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Verify", "--evidence-public-key", other.PublicPem]);

        Assert.True(verified.ExitCode == ExitCodes.Success, verified.Output + verified.Error);
        Assert.Contains($"signed by trusted key {keys.Id}", verified.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failure, untrusted.ExitCode);
        Assert.Contains($"signed by key {keys.Id}, which is not among the trusted keys ({other.Id}", untrusted.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN PRIVATE KEY", string.Concat(Directory.GetFiles(sample.Root, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains("artifacts", StringComparison.Ordinal)).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_feed_gets_the_api_key_which_no_log_or_evidence_holds_and_a_second_push_of_the_version_is_refused()
    {
        const string apiKey = "tg-api-key-7f3a91c2e8";
        using var feed = new NuGetPushFeed(apiKey);
        using var sample = await TaggedSample("v2.0.0-rc.1");

        var run = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--nuget-feed", feed.Source, "--nuget-api-key", apiKey]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal(["Sample 2.0.0-rc.1"], feed.Pushed);
        Assert.Equal([apiKey], feed.KeysSeen);
        Assert.DoesNotContain(apiKey, run.Output + run.Error, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(sample.Evidence, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(apiKey, File.ReadAllText(file), StringComparison.Ordinal);
        }

        var again = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--nuget-feed", feed.Source, "--nuget-api-key", apiKey]);

        Assert.Equal(ExitCodes.Failure, again.ExitCode);
        Assert.Contains($"{feed.Source} already has Sample 2.0.0-rc.1", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feeds_password_and_the_api_key_reach_nuget_only_through_owner_only_files_gone_after_the_push()
    {
        const string apiKey = "tg-api-key-c0ffee42";
        const string password = "pw-Gh7-feed-9k";
        using var feed = new NuGetPushFeed(apiKey, "feeduser", password);
        using var sample = await TaggedSample("v2.1.0");
        var source = feed.Source.Replace("http://", $"http://feeduser:{password}@", StringComparison.Ordinal);

        var run = await HostRun.RunAsync<PackageBuild>(sample.Root, ["Package", "--required-gates", "--nuget-feed", source, "--nuget-api-key", apiKey]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal(["Sample 2.1.0"], feed.Pushed);
        var push = Assert.Single(Gate.Read(sample.Evidence, "Package").Commands, c => c.StartsWith("dotnet nuget push ", StringComparison.Ordinal));
        Assert.DoesNotContain("--api-key", push, StringComparison.Ordinal); // the command line every user of the machine can read names files only
        Assert.DoesNotContain("--source", push, StringComparison.Ordinal);
        Assert.Contains(" @", push, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(sample.Root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            Assert.False(text.Contains(password, StringComparison.Ordinal) || text.Contains(apiKey, StringComparison.Ordinal), $"{file} holds a credential after the run");
        }
    }

    [Fact]
    public void Credential_files_are_owner_only_from_their_first_byte_and_removed_with_their_folder()
    {
        using var parent = new TempDirectory(withNuke: false);
        string path;
        using (var secrets = Tollgate.IO.PrivateFiles.Create(parent.Path))
        {
            path = secrets.Write("push.rsp", "--api-key\nsecret\n");
            Assert.True(File.Exists(path));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(secrets.Directory));
            }
        }

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFileSystemEntries(parent.Path));
    }
}
