using Tollgate.Engine;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Package;

/// <summary>Versions computed from real git repositories the tests build: tags, heights, branches, merges, shallow clones.</summary>
[Trait("Category", "Integration")]
public sealed class GitVersioningTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private async Task<string> VersionOf(string root, params string[] more)
    {
        var run = await HostRun.RunAsync<VersionBuild>(root, ["Version", .. more]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        var line = run.Output.Split('\n').Single(l => l.StartsWith("SemVer ", StringComparison.Ordinal));
        return line.Split("NuGetVersion ")[1].Split(' ')[0];
    }

    [Fact]
    public async Task A_tagged_commit_gets_the_tag_and_main_three_commits_later_the_next_patch_alpha()
    {
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitAsync("one");
        await git.TagAsync("v1.4.0");

        Assert.Equal("1.4.0", await VersionOf(directory.Path));

        await git.CommitsAsync(3);

        Assert.Equal("1.4.1-alpha.0.3", await VersionOf(directory.Path));
        var manifest = File.ReadAllText(Path.Combine(directory.Path, "artifacts", "evidence", "manifest.json"));
        Assert.Contains("\"version\": \"1.4.1-alpha.0.3\"", manifest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v4.0", null, "4.0.0", "4.0.1-alpha.0.2")]
    [InlineData("7.1.3", null, "7.1.3", "7.1.4-alpha.0.2")]
    [InlineData("V2.5.0", null, "2.5.0", "2.5.1-alpha.0.2")]
    [InlineData("release-3.2.1", "release-", "3.2.1", "3.2.2-alpha.0.2")]
    public async Task Release_tags_count_with_or_without_v_with_two_parts_or_behind_a_prefix(string tag, string? prefix, string tagged, string later)
    {
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitAsync("one");
        await git.TagAsync(tag);
        await git.TagAsync("not-a-version");
        string[] more = prefix is null ? [] : ["--version-tag-prefix", prefix];

        Assert.Equal(tagged, await VersionOf(directory.Path, more));

        await git.CommitsAsync(2);

        Assert.Equal(later, await VersionOf(directory.Path, more));
    }

    [Fact]
    public async Task A_prefix_keeps_other_tags_out()
    {
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitAsync("one");
        await git.TagAsync("v9.0.0");
        await git.TagAsync("release-1.2.0");

        Assert.Equal("1.2.0", await VersionOf(directory.Path, "--version-tag-prefix", "release-"));
        Assert.Equal("9.0.0", await VersionOf(directory.Path));
    }

    [Fact]
    public async Task Without_a_tag_the_declared_version_is_the_start_and_a_lower_tag_is_an_error_naming_both()
    {
        directory.Write("Lib.slnx", "<Solution>\n  <Project Path=\"src/Lib/Lib.csproj\" />\n  <Project Path=\"tests/Lib.Tests/Lib.Tests.csproj\" />\n</Solution>\n");
        directory.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <VersionPrefix>3.0.0</VersionPrefix>\n  </PropertyGroup>\n</Project>\n");
        directory.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n</Project>\n");
        directory.Write("tests/Lib.Tests/Lib.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><Version>9.9.9</Version><IsTestProject>true</IsTestProject></PropertyGroup>\n</Project>\n");
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitsAsync(3);

        Assert.Equal("3.0.0-alpha.0.3", await VersionOf(directory.Path));

        await git.TagAsync("v2.4.0");
        var run = await HostRun.RunAsync<VersionBuild>(directory.Path, ["Version"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("The version from git, 2.4.0 (from tag v2.4.0), is below the version Directory.Build.props declares, 3.0.0: Tollgate never publishes below it.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_feature_branch_adds_its_name_as_the_pre_release_label()
    {
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitAsync();
        await git.TagAsync("v1.4.0");
        await git.CheckoutAsync("feature/login", create: true);
        await git.CommitsAsync(2);

        Assert.Equal("1.4.1-feature-login.0.2", await VersionOf(directory.Path));
    }

    [Fact]
    public async Task No_tag_gives_0_1_0_alpha_with_the_commit_count()
    {
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitsAsync(4);

        Assert.Equal("0.1.0-alpha.0.4", await VersionOf(directory.Path));
    }

    [Fact]
    public async Task A_tag_merged_in_from_a_branch_counts_and_one_on_an_unmerged_branch_does_not()
    {
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitAsync();
        await git.TagAsync("v1.0.0");
        await git.CheckoutAsync("release/2", create: true);
        await git.CommitAsync("release work");
        await git.TagAsync("v2.0.0");
        await git.CheckoutAsync("main");
        await git.CheckoutAsync("experiment", create: true);
        await git.CommitAsync("experiment");
        await git.TagAsync("v9.0.0");
        await git.CheckoutAsync("main");
        await git.CommitAsync("main work");

        Assert.Equal("1.0.1-alpha.0.1", await VersionOf(directory.Path));

        await git.MergeAsync("release/2");

        // After the merge, v2.0.0 is reachable; the height counts main's commit and the merge commit.
        Assert.Equal("2.0.1-alpha.0.2", await VersionOf(directory.Path));
    }

    [Fact]
    public async Task A_detached_head_takes_the_ci_branch_or_the_parameter()
    {
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitAsync();
        await git.TagAsync("v3.1.0");
        var sha = await git.CommitAsync();
        await git.GitAsync("checkout", "--quiet", "--detach", sha);

        Assert.Equal("3.1.1-hotfix-x.0.1", await VersionOf(directory.Path, "--version-branch", "hotfix/x"));
        var run = await HostRun.RunAsync<VersionBuild>(directory.Path, ["Version"], new Dictionary<string, string> { ["GITHUB_REF_NAME"] = "main" });
        Assert.Contains("NuGetVersion 3.1.1-alpha.0.1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shallow_clone_is_an_error_saying_how_to_fetch_the_history()
    {
        var origin = await GitRepository.InitAsync(Path.Combine(directory.Path, "origin"));
        await origin.CommitAsync();
        await origin.TagAsync("v1.0.0");
        await origin.CommitsAsync(2);
        var clone = Path.Combine(directory.Path, "clone");
        var cloned = await Shell.RunAsync(directory.Path, "git", ["clone", "--quiet", "--depth", "1", "file://" + origin.Root, clone]);
        Assert.True(cloned.ExitCode == 0, cloned.Error);
        Directory.CreateDirectory(Path.Combine(clone, ".nuke"));

        var run = await HostRun.RunAsync<VersionBuild>(clone, ["Version"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("This clone is shallow", run.Error, StringComparison.Ordinal);
        Assert.Contains("git fetch --unshallow --tags", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gitversion_is_used_when_asked_and_its_absence_is_a_clear_error()
    {
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitAsync();

        var run = await HostRun.RunAsync<VersionBuild>(directory.Path, ["Version", "--version-tool", "gitversion"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("--version-tool gitversion: 'dotnet-gitversion' is not installed or not on PATH.", run.Error, StringComparison.Ordinal);
    }
}
