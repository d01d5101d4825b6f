using System.Globalization;
using Tollgate.Evidence;

namespace Tollgate.Gates.Test;

/// <summary>
/// The Test gate's verdict from the parsed results alone: it fails on a failed test, on a project that
/// crashed or wrote no results, and when no test ran at all (zero tests is never a pass).
/// </summary>
public static class TestGate
{
    /// <summary>The gate's name.</summary>
    public const string Name = "Test";

    /// <summary>Judges the outcomes of every test project.</summary>
    public static GateResult Evaluate(IReadOnlyList<TestProjectOutcome> projects, IReadOnlyDictionary<string, string> tools)
    {
        var results = projects.Where(p => p.Results is not null).Select(p => p.Results!).ToList();
        int passed = results.Sum(r => r.Passed), failed = results.Sum(r => r.Failed), skipped = results.Sum(r => r.Skipped);
        var reasons = new List<string>();
        var findings = new List<Finding>();

        if (projects.Count == 0)
        {
            reasons.Add("no test projects found (a test project has IsTestProject=true, as Microsoft.NET.Test.Sdk sets)");
        }

        foreach (var crashed in projects.Where(p => p.Results is null))
        {
            reasons.Add($"{crashed.Project} crashed: dotnet test exited {crashed.ExitCode} without writing test results");
            findings.Add(new Finding("test-crash", $"{crashed.Project} exited {crashed.ExitCode} without results", File: crashed.Project, Detail: crashed.OutputTail));
        }

        foreach (var project in projects.Where(p => p.Results is not null && p.ExitCode != 0 && p.Results.Failed == 0))
        {
            reasons.Add($"{project.Project}: dotnet test exited {project.ExitCode} although no test failed (a test host or collector error)");
            findings.Add(new Finding("test-crash", $"{project.Project} exited {project.ExitCode}", File: project.Project, Detail: project.OutputTail));
        }

        foreach (var project in projects.Where(p => p.Results is not null))
        {
            findings.AddRange(project.Results!.Tests
                .Where(t => t.Outcome is "Failed" or "Error" or "Timeout" or "Aborted")
                .Select(t => new Finding("test-failure", t.Message ?? t.Outcome, File: project.Project, Rule: t.Name, Detail: t.StackTop)));
        }

        if (failed > 0)
        {
            reasons.Add($"{failed} test{(failed == 1 ? "" : "s")} failed");
        }

        if (projects.Count > 0 && passed + failed == 0)
        {
            reasons.Add("no tests ran");
        }

        var metrics = new Dictionary<string, double>
        {
            ["passed"] = passed,
            ["failed"] = failed,
            ["skipped"] = skipped,
            ["projects"] = projects.Count,
        };
        var status = reasons.Count == 0 ? GateStatus.Passed : GateStatus.Failed;
        return new GateResult(Name, status, Totals(passed, failed, skipped), reasons, metrics, new Dictionary<string, double> { ["failed"] = 0 }, tools, findings);
    }

    /// <summary><c>N passed, N failed</c>, with <c>, N skipped</c> when some were.</summary>
    public static string Totals(int passed, int failed, int skipped) =>
        string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed") + (skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $", {skipped} skipped") : "");
}
