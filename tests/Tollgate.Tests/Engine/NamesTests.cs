using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

public class NamesTests
{
    [Theory]
    [InlineData("ReportCoverage", "report-coverage")]
    [InlineData("MSBuildProperties", "msbuild-properties")]
    [InlineData("Ci", "ci")]
    [InlineData("ArchitectureTests", "architecture-tests")]
    [InlineData("NuGetFeed", "nuget-feed")]
    [InlineData("NuGetAuditSources", "nuget-audit-sources")]
    [InlineData("GitHubToken", "github-token")]
    [InlineData("HTMLReport", "html-report")]
    [InlineData("UseGitOps", "use-gitops")]
    public void Kebab_case(string name, string kebab) => Assert.Equal(kebab, Names.ToKebabCase(name));

    [Theory]
    [InlineData("NuGetFeed", "nu-get-feed")]
    [InlineData("MSBuildProperties", null)]
    [InlineData("ReportCoverage", null)]
    public void The_former_spelling_is_known_only_where_it_differs(string name, string? former) => Assert.Equal(former, Names.FormerKebabCase(name));

    [Fact]
    public void Closest_prefers_prefixes_then_small_distances()
    {
        Assert.Equal(["Coverage", "Compile"], Names.Closest("co", ["Compile", "Coverage", "Test"]).OrderDescending());
        Assert.Equal(["Test"], Names.Closest("Tset", ["Compile", "Coverage", "Test"]));
        Assert.Empty(Names.Closest("zzzzzz", ["Compile", "Test"]));
    }
}
