using Tollgate.Tests.Support;
using Tollgate.Tools.Cobertura;

namespace Tollgate.Tests.Tools;

public class CoberturaReaderTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Counts_lines_once_per_file_and_ignores_the_printed_rates()
    {
        var path = root.Write("c.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <coverage line-rate="1" branch-rate="1" lines-covered="999" lines-valid="999" branches-covered="0" branches-valid="0" version="1.9">
              <packages><package name="Sample"><classes>
                <class name="A" filename="src/A.cs"><lines>
                  <line number="1" hits="1" branch="false" />
                  <line number="2" hits="0" branch="true" condition-coverage="50% (1/2)" />
                </lines></class>
                <class name="A+Nested" filename="src/A.cs"><lines>
                  <line number="2" hits="3" branch="true" condition-coverage="100% (2/2)" />
                  <line number="3" hits="0" branch="false" />
                </lines></class>
                <class name="B" filename="src/B.cs"><lines>
                  <line number="1" hits="0" branch="false" />
                </lines></class>
              </classes></package></packages>
            </coverage>
            """);

        var (total, files) = CoberturaReader.Read(path);

        Assert.Equal(new CoverageCounts(2, 4, 2, 2), total);
        Assert.Equal([new FileCoverage("src/A.cs", 2, 3), new FileCoverage("src/B.cs", 0, 1)], files);
    }

    [Theory]
    [InlineData("<<<")]
    [InlineData("<TestRun />")]
    public void A_file_that_is_not_cobertura_is_invalid_data(string text)
    {
        Assert.Throws<InvalidDataException>(() => CoberturaReader.Read(root.Write("c.xml", text)));
    }
}
