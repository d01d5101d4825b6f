using Tollgate.Gates.Package;

namespace Tollgate.Tests.Package;

public sealed class VersionRulesTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static SemanticVersion V(string text) => SemanticVersion.TryParse(text)!;

    [Theory]
    [InlineData("1.4.0", 0, "main", "1.4.0", "1.4.0")]
    [InlineData("1.4.0", 3, "main", "1.4.1-alpha.0.3", "1.4.1-alpha.0.3+3")]
    [InlineData("1.4.0", 3, "master", "1.4.1-alpha.0.3", "1.4.1-alpha.0.3+3")]
    [InlineData("1.4.0", 2, "feature/Login_page", "1.4.1-feature-login-page.0.2", "1.4.1-feature-login-page.0.2+2")]
    [InlineData("2.0.0-rc.1", 0, "main", "2.0.0-rc.1", "2.0.0-rc.1")]
    [InlineData("2.0.0-rc.1", 4, "main", "2.0.0-rc.1.4", "2.0.0-rc.1.4+4")]
    [InlineData("2.0.0-rc.1", 4, "fix/x", "2.0.0-rc.1.fix-x.4", "2.0.0-rc.1.fix-x.4+4")]
    [InlineData(null, 7, "main", "0.1.0-alpha.0.7", "0.1.0-alpha.0.7+7")]
    [InlineData(null, 7, "1234", "0.1.0-branch-1234.0.7", "0.1.0-branch-1234.0.7+7")]
    public void The_rules_give_semver_and_full_semver(string? tag, int height, string branch, string semVer, string fullSemVer)
    {
        var version = VersionRules.Compute(tag is null ? null : V(tag), height, branch, Sha);

        Assert.Equal((semVer, fullSemVer, semVer), (version.SemVer, version.FullSemVer, version.NuGetVersion));
        Assert.NotNull(SemanticVersion.TryParse(version.SemVer));
        Assert.NotNull(SemanticVersion.TryParse(version.InformationalVersion));
    }

    [Fact]
    public void Informational_and_assembly_versions_carry_branch_commit_and_the_numeric_core()
    {
        var version = VersionRules.Compute(V("1.4.0"), 3, "feature/login", Sha);

        Assert.Equal($"1.4.1-feature-login.0.3+Branch.feature-login.Sha.{Sha}", version.InformationalVersion);
        Assert.Equal("1.4.1.0", version.AssemblyVersion);
        Assert.Contains("Version=1.4.1-feature-login.0.3", version.MSBuildProperties);
        Assert.Contains($"InformationalVersion={version.InformationalVersion}", version.MSBuildProperties);
        Assert.Contains("AssemblyVersion=1.4.1.0", version.MSBuildProperties);
    }

    [Fact]
    public void The_latest_tag_is_the_highest_semver_not_the_last_in_the_list()
    {
        var latest = VersionRules.Latest(["v1.9.0", "v1.10.0", "v1.10.0-rc.2", "release-2", "v2", "x3.0.0", "vv4.0.0", "1.9.9"]);

        Assert.Equal("v1.10.0", latest!.Value.Tag);
        Assert.Null(VersionRules.Latest(["release-2", "v2", "x3.0.0"]));
        Assert.Equal(("v1.11", "1.11.0"), VersionRules.Latest(["v1.10.0", "v1.11"]) is { } two ? (two.Tag, two.Version.ToString()) : default);
        Assert.Equal("release-2.0.1", VersionRules.Latest(["v9.0.0", "release-2.0.1", "release-2.0"], "release-")!.Value.Tag);
    }

    [Theory]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.9.0", "1.10.0")]
    public void Semver_precedence_holds(string lower, string higher)
    {
        Assert.True(V(lower).CompareTo(V(higher)) < 0);
        Assert.True(V(higher).CompareTo(V(lower)) > 0);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0+")]
    public void Not_semver_is_refused(string text)
    {
        Assert.Null(SemanticVersion.TryParse(text));
    }

    [Fact]
    public void Build_metadata_is_kept_but_does_not_order()
    {
        var version = V("v1.2.3-rc.1+build.5");

        Assert.Equal(("rc.1", "build.5", "1.2.3-rc.1+build.5"), (version.PreRelease, version.Build, version.ToString()));
        Assert.Equal(0, version.CompareTo(V("1.2.3-rc.1")));
    }
}
