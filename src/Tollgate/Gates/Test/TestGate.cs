using System.Globalization;
using Tollgate.Evidence;

namespace Tollgate.Gates.Test;

/// <summary>
/// The Test gate's verdict from the parsed results alone: it fails on a failed test, on a project (or one
/// framework of a multi-targeted project) that crashed or wrote no results, on a test that hung (named), named in
/// the headline too, and when no test ran at all (zero tests is never a pass). Counts are also given per framework.
/// </summary>
internal static partial class TestGate
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
            reasons.Add("no test projects found (a test project has IsTestProject=true, as Microsoft.NET.Test.Sdk sets, or is a Microsoft.Testing.Platform test application: IsTestingPlatformApplication=true)");
        }

        foreach (var unrun in projects.Where(p => p.Problem is not null))
        {
            reasons.Add(unrun.Problem!);
            findings.Add(new Finding { Kind = "test-setup", Message = unrun.Problem!, File = unrun.Project });
        }

        foreach (var hung in projects.Where(p => p.HasHung))
        {
            var names = string.Join(", ", hung.Hung!);
            reasons.Add($"{hung.Run}: {names} made no progress within the hang timeout (--test-hang-timeout), so its test host was stopped");
            findings.AddRange(hung.Hung!.Select(name => new Finding
            {
                Kind = "test-hang",
                Message = $"{name} made no progress within the hang timeout; its test host was stopped",
                File = hung.Project,
                Rule = name,
            }));
        }

        foreach (var crashed in projects.Where(p => p.Results is null && p.Problem is null && !p.HasHung))
        {
            var first = FirstError(crashed.OutputTail);
            reasons.Add($"{crashed.Run} crashed: dotnet test exited {crashed.ExitCode} without writing test results{(first is null ? "" : $": {first}")}");
            findings.Add(new Finding
            {
                Kind = "test-crash",
                Message = $"{crashed.Run} exited {crashed.ExitCode} without results{(first is null ? "" : $": {first}")}",
                File = crashed.Project,
                Detail = crashed.OutputTail,
            });
        }

        foreach (var project in projects.Where(p => p.Results is not null && p.ExitCode != 0 && p.Results.Failed == 0 && !p.HasHung))
        {
            reasons.Add($"{project.Run}: dotnet test exited {project.ExitCode} although no test failed (a test host or collector error)");
            findings.Add(new Finding
            {
                Kind = "test-crash",
                Message = $"{project.Run} exited {project.ExitCode}",
                File = project.Project,
                Detail = project.OutputTail,
            });
        }

        foreach (var project in projects.Where(p => p.Results is not null))
        {
            findings.AddRange(project.Results!.Tests
                .Where(t => t.Outcome is "Failed" or "Error" or "Timeout" or "Aborted")
                .Select(t => new Finding
                {
                    Kind = "test-failure",
                    Message = t.Message ?? t.Outcome,
                    File = project.Project,
                    Rule = t.Name,
                    Detail = t.StackTop,
                }));
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
            ["projects"] = projects.Select(p => p.Project).Distinct().Count(),
            ["runs"] = projects.Count,
        };
        foreach (var framework in projects.Where(p => p.Framework is not null && p.Results is not null).GroupBy(p => p.Framework!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            metrics[$"passed.{framework.Key}"] = framework.Sum(p => p.Results!.Passed);
            metrics[$"failed.{framework.Key}"] = framework.Sum(p => p.Results!.Failed);
        }

        var crashes = projects.Where(p => p.Results is null && p.Problem is null && !p.HasHung).Select(p => p.Run).ToList();
        var hungTests = projects.Where(p => p.HasHung).SelectMany(p => p.Hung!).ToList();
        var headline = Totals(passed, failed, skipped) + (hungTests.Count == 0 ? "" : $"; {string.Join(", ", hungTests)} hung") + (crashes.Count == 0 ? "" : $"; {string.Join(", ", crashes)} crashed");
        var status = reasons.Count == 0 ? GateStatus.Passed : GateStatus.Failed;
        return new GateResult(Name, status, headline, reasons, metrics, new Dictionary<string, double> { ["failed"] = 0 }, tools, findings);
    }

    /// <summary>The first line of a crashed run's output that says what went wrong (an exception, an error), trimmed.</summary>
    public static string? FirstError(string? output) => output?
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .FirstOrDefault(line => line.Contains("Exception", StringComparison.Ordinal) || line.StartsWith("error", StringComparison.OrdinalIgnoreCase) || line.Contains(": error ", StringComparison.OrdinalIgnoreCase));

    /// <summary>A headline without what the result cache gave (<c> (412 reused from 1a2b3c4)</c> at its end).</summary>
    public static string WithoutReuse(string headline) => ReuseSuffix().Replace(headline, "");

    [System.Text.RegularExpressions.GeneratedRegex(@" \(\d+ reused from [^()]*\)$")]
    private static partial System.Text.RegularExpressions.Regex ReuseSuffix();

    /// <summary><c>N passed, N failed</c>, with <c>, N skipped</c> when some were.</summary>
    public static string Totals(int passed, int failed, int skipped) =>
        string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed") + (skipped > 0 ? string.Create(CultureInfo.InvariantCulture, $", {skipped} skipped") : "");
}
