using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

public class NamesTests
{
    [Theory]
    [InlineData("ReportCoverage", "report-coverage")]
    [InlineData("MSBuildProperties", "msbuild-properties")]
    [InlineData("Ci", "ci")]
    [InlineData("ArchitectureTests", "architecture-tests")]
    public void Kebab_case(string name, string kebab) => Assert.Equal(kebab, Names.ToKebabCase(name));

    [Fact]
    public void Closest_prefers_prefixes_then_small_distances()
    {
        Assert.Equal(["Coverage", "Compile"], Names.Closest("co", ["Compile", "Coverage", "Test"]).OrderDescending());
        Assert.Equal(["Test"], Names.Closest("Tset", ["Compile", "Coverage", "Test"]));
        Assert.Empty(Names.Closest("zzzzzz", ["Compile", "Test"]));
    }
}
