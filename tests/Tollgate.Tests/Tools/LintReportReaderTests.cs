using Tollgate.Tests.Support;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Sarif;

namespace Tollgate.Tests.Tools;

public class LintReportReaderTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Reads_dotnet_format_reports()
    {
        var path = root.Write("format-report.json", """
            [ { "DocumentId": { "ProjectId": { "Id": "p" }, "Id": "d" }, "FileName": "Bad.cs", "FilePath": "/repo/src/Bad.cs",
                "FileChanges": [ { "LineNumber": 5, "CharNumber": 5, "DiagnosticId": "WHITESPACE", "FormatDescription": "Fix whitespace formatting. Delete 2 characters." } ] } ]
            """);

        var change = Assert.Single(FormatReport.Read(path));

        Assert.Equal(new FormatChange("/repo/src/Bad.cs", 5, 5, "WHITESPACE", "Fix whitespace formatting. Delete 2 characters."), change);
    }

    [Fact]
    public void An_empty_format_report_has_no_changes() => Assert.Empty(FormatReport.Read(root.Write("r.json", "[]")));

    [Fact]
    public void A_format_report_that_is_not_an_array_is_invalid_data() =>
        Assert.Throws<InvalidDataException>(() => FormatReport.Read(root.Write("r.json", "{}")));

    [Fact]
    public void Reads_compiler_sarif_with_locations_levels_and_suppressions()
    {
        var path = root.Write("x.sarif", """
            { "$schema": "http://json.schemastore.org/sarif-2.1.0", "version": "2.1.0", "runs": [ { "results": [
              { "ruleId": "CS0219", "level": "warning", "message": { "text": "unused" },
                "locations": [ { "physicalLocation": { "artifactLocation": { "uri": "file:///repo/src/Bad.cs" }, "region": { "startLine": 5 } } } ] },
              { "ruleId": "CA2000", "level": "warning", "message": { "text": "dispose" }, "suppressions": [ { "kind": "inSource" } ] },
              { "ruleId": "CS8618", "level": "error", "message": { "text": "null" } }
            ] } ] }
            """);

        var results = SarifReader.Read(path);

        Assert.Equal(new SarifResult("CS0219", "warning", "unused", "/repo/src/Bad.cs", 5, false), results[0]);
        Assert.True(results[1].Suppressed);
        Assert.Null(results[2].FilePath);
    }

    [Fact]
    public void A_log_of_another_sarif_version_is_invalid_data() =>
        Assert.Throws<InvalidDataException>(() => SarifReader.Read(root.Write("x.sarif", """{ "version": "1.0.0", "runs": [] }""")));
}
