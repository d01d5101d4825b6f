using Tollgate.Tests.Support;
using Tollgate.Tools.Stryker;

namespace Tollgate.Tests.Tools;

/// <summary>Reports written from the mutation-testing-elements schema (schemaVersion 2), as Stryker.NET writes them.</summary>
public class MutationReportReaderTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    public static string Report(params (string Status, int Line, int Start, int End, string Replacement)[] mutants) => $$"""
        { "schemaVersion": "2", "thresholds": { "high": 80, "low": 60 }, "projectRoot": "/repo/src/Shop",
          "files": { "/repo/src/Shop/Price.cs": { "language": "cs",
            "source": "namespace Shop;\npublic static class Price\n{\n    public static bool Cheap(int cents) => cents < 100 && cents > 0;\n}\n",
            "mutants": [ {{string.Join(",", mutants.Select((m, i) => $$"""
              { "id": "{{i}}", "mutatorName": "Equality mutation", "replacement": "{{m.Replacement}}", "status": "{{m.Status}}", "static": false,
                "location": { "start": { "line": {{m.Line}}, "column": {{m.Start}} }, "end": { "line": {{m.Line}}, "column": {{m.End}} } } }
              """))}} ] } },
          "testFiles": {} }
        """;

    [Fact]
    public void Reads_statuses_and_cuts_the_original_code_out_of_the_source()
    {
        var path = root.Write("r.json", Report(("Survived", 4, 44, 55, "cents <= 100"), ("Killed", 4, 59, 68, "cents < 0")));

        var mutants = MutationReportReader.Read(path);

        Assert.Equal(new Mutant("/repo/src/Shop/Price.cs", 4, "Equality mutation", "Survived", "cents < 100", "cents <= 100"), mutants[0]);
        Assert.Equal("cents > 0", mutants[1].Original);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    public void A_file_that_is_not_a_report_is_invalid_data(string text) =>
        Assert.Throws<InvalidDataException>(() => MutationReportReader.Read(root.Write("r.json", text)));
}
