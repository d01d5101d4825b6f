using Tollgate.Gates.Coverage;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Gates;

public class CoverageBaselineReaderTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Reads_a_committed_baseline_file()
    {
        var baseline = CoverageBaselineReader.Read(root.Write("b.json", """{ "line": 82.5 }"""), ".nuke/coverage-baseline.json");

        Assert.Equal(new CoverageBaseline(82.5, ".nuke/coverage-baseline.json"), baseline);
    }

    [Fact]
    public void Reads_the_coverage_figure_of_a_previous_manifest()
    {
        var path = root.Write("manifest.json", """
            { "schemaVersion": 1, "commit": "0123456789abcdef0123456789abcdef01234567",
              "gates": [ { "name": "Test", "metrics": { "passed": 3 } }, { "name": "Coverage", "metrics": { "line": 77.25 } } ] }
            """);

        var baseline = CoverageBaselineReader.Read(path, "previous/manifest.json");

        Assert.Equal(77.25, baseline.Line);
        Assert.Equal("previous/manifest.json, commit 0123456789ab", baseline.Source);
    }

    [Theory]
    [InlineData("""{ "gates": [ { "name": "Test", "metrics": {} } ] }""", "holds no line coverage")]
    [InlineData("not json", "is not valid JSON")]
    public void A_file_without_a_baseline_is_an_error_naming_it(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => CoverageBaselineReader.Read(root.Write("x.json", text), "x.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("x.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error() =>
        Assert.Throws<InvalidDataException>(() => CoverageBaselineReader.Read(Path.Combine(root.Path, "nope.json"), "nope.json"));
}
