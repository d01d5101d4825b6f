using System.Text.Json;
using System.Xml.Linq;
using Tollgate.Evidence;

namespace Tollgate.Tests.Evidence;

public class RenderingTests
{
    [Fact]
    public void JUnit_has_suites_cases_failures_skips_and_crashed_suites()
    {
        var xml = JUnitExporter.Render([
            new JUnitSuite("tests/A.Tests/A.Tests.csproj", [
                new JUnitCase("A.Tests.MathTests", "Adds", 0.01, "passed", null, null),
                new JUnitCase("A.Tests.MathTests", "Divides", 0.02, "failed", "expected 2 but was 3", "at A.Tests.MathTests.Divides()"),
                new JUnitCase("A.Tests.MathTests", "Later", 0, "skipped", null, null),
            ]),
            new JUnitSuite("tests/B.Tests/B.Tests.csproj", [], "dotnet test exited 134 without results"),
        ]);

        var root = XDocument.Parse(xml).Root!;
        Assert.Equal(("4", "1", "1", "1"), ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!, (string)root.Attribute("errors")!, (string)root.Attribute("skipped")!));
        var failure = root.Descendants("failure").Single();
        Assert.Equal("expected 2 but was 3", (string)failure.Attribute("message")!);
        Assert.Equal("Divides", (string)failure.Parent!.Attribute("name")!);
        Assert.Equal("dotnet test exited 134 without results", (string)root.Descendants("error").Single().Attribute("message")!);
    }

    [Fact]
    public void Sarif_of_a_gate_lists_rules_and_located_results()
    {
        var result = new GateResult("Lint", GateStatus.Failed, "1 violation", ["1 violation"], new Dictionary<string, double>(), new Dictionary<string, double>(),
            new Dictionary<string, string>(), [new Finding
            {
                Kind = "lint",
                Message = "Fix formatting",
                File = "src/A.cs",
                Line = 7,
                Rule = "IDE0055",
                Severity = "warning",
            }, new Finding
            {
                Kind = "lint",
                Message = "no file",
                Rule = "CS9999",
                Severity = "error",
            }]);

        using var sarif = JsonDocument.Parse(SarifExporter.Render(result, "1.0.0"));

        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(["CS9999", "IDE0055"], run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        var first = run.GetProperty("results")[0];
        Assert.Equal("warning", first.GetProperty("level").GetString());
        Assert.Equal(7, first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal("error", run.GetProperty("results")[1].GetProperty("level").GetString());
        Assert.False(run.GetProperty("results")[1].TryGetProperty("locations", out _));
    }
}
