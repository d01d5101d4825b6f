using Tollgate.Evidence;

namespace Tollgate.Gates.Test;

/// <summary>The Test gate's results in the evidence's JUnit model.</summary>
internal static class TestJUnit
{
    /// <summary>One suite per test project and framework.</summary>
    public static IReadOnlyList<JUnitSuite> Suites(IReadOnlyList<TestProjectOutcome> projects) => projects
        .Select(project => new JUnitSuite(
            project.Run,
            project.Results?.Tests.Select(test =>
            {
                var dot = test.Name.LastIndexOf('.');
                var outcome = test.Outcome switch
                {
                    "Passed" => "passed",
                    "Failed" or "Error" or "Timeout" or "Aborted" => "failed",
                    _ => "skipped",
                };
                return new JUnitCase(dot > 0 ? test.Name[..dot] : project.Run, dot > 0 ? test.Name[(dot + 1)..] : test.Name, test.Duration.TotalSeconds, outcome, test.Message, test.StackTop);
            }).ToList() ?? [],
            project.Results is null ? $"dotnet test exited {project.ExitCode} without results" : null))
        .ToList();
}
