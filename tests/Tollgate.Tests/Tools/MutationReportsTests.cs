using Tollgate.Tests.Support;
using Tollgate.Tools.Stryker;

namespace Tollgate.Tests.Tools;

/// <summary>Two Stryker reports of one project, tested by the tests of each platform, make one in which a mutant counts with its better outcome.</summary>
public sealed class MutationReportsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Report(string name, params string[] statuses) => directory.Write(name, $$"""
        { "schemaVersion": "1", "thresholds": { "high": 80, "low": 60 }, "files": { "/r/A.cs": { "language": "cs", "source": "a * b + c", "mutants": [
        {{string.Join(",\n", statuses.Select((s, i) => $$"""{ "id": "{{i}}", "mutatorName": "Arithmetic mutation", "replacement": "r{{i % 2}}", "location": { "start": { "line": 1, "column": {{1 + (i / 2)}} }, "end": { "line": 1, "column": 6 } }, "status": "{{s}}" }"""))}}
        ] } } }
        """);

    [Fact]
    public void Each_mutant_takes_the_better_outcome_and_the_rest_of_the_report_stays()
    {
        var vstest = Report("vstest.json", "Survived", "Killed", "NoCoverage", "Survived", "CompileError", "NoCoverage");
        var mtp = Report("mtp.json", "Killed", "Survived", "Timeout", "NoCoverage", "CompileError", "NoCoverage");
        var combined = Path.Combine(directory.Path, "combined.json");

        MutationReports.Combine(mtp, vstest, combined);

        Assert.Equal(["Killed", "Killed", "Timeout", "Survived", "CompileError", "NoCoverage"], MutationReportReader.Read(combined).Select(m => m.Status));
        Assert.Contains("\"thresholds\":{\"high\":80,\"low\":60}", File.ReadAllText(combined), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_of_different_mutants_are_an_error_naming_both()
    {
        var two = Report("two.json", "Killed", "Survived");
        var three = Report("three.json", "Killed", "Survived", "Killed");

        var error = Assert.Throws<InvalidDataException>(() => MutationReports.Combine(two, three, Path.Combine(directory.Path, "out.json")));

        Assert.Contains("three.json has 1 mutant(s) that", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not mutate the same source", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "out.json")));
    }
}
