using Tollgate.Gates.Test;
using Tollgate.Tools.Trx;

namespace Tollgate.Tests.Gates;

public class TestGateTests
{
    private static readonly Dictionary<string, string> Tools = new() { ["dotnet"] = "10.0" };

    private static TrxResults Results(int passed, int failed = 0, int skipped = 0) => new(
        Enumerable.Range(0, passed).Select(i => new TrxTestCase($"P{i}", "Passed", TimeSpan.Zero, null, null))
            .Concat(Enumerable.Range(0, failed).Select(i => new TrxTestCase($"F{i}", "Failed", TimeSpan.Zero, $"boom {i}", "at X")))
            .Concat(Enumerable.Range(0, skipped).Select(i => new TrxTestCase($"S{i}", "NotExecuted", TimeSpan.Zero, null, null)))
            .ToList(),
        TimeSpan.FromSeconds(1));

    [Fact]
    public void Passes_when_every_test_passed()
    {
        var result = TestGate.Evaluate([new("tests/A.Tests/A.Tests.csproj", 0, Results(3, skipped: 1), null)], Tools);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal("3 passed, 0 failed, 1 skipped", result.Headline);
        Assert.Equal(3, result.Metrics["passed"]);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Fails_on_a_failed_test_listing_each_failure()
    {
        var result = TestGate.Evaluate([new("tests/A.Tests/A.Tests.csproj", 1, Results(2, failed: 2), "tail")], Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Equal(["2 tests failed"], result.Reasons);
        Assert.Equal(["F0", "F1"], result.Findings.Select(f => f.Rule));
        Assert.Equal("boom 0", result.Findings[0].Message);
        Assert.Equal("tests/A.Tests/A.Tests.csproj", result.Findings[0].File);
    }

    [Fact]
    public void Zero_tests_executed_is_a_failure_never_a_pass()
    {
        var result = TestGate.Evaluate([new("tests/A.Tests/A.Tests.csproj", 0, Results(0, skipped: 2), null)], Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains("no tests ran", result.Reasons);
    }

    [Fact]
    public void No_test_projects_is_a_failure()
    {
        var result = TestGate.Evaluate([], Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains("no test projects found", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_crashed_without_results_fails_naming_it()
    {
        var result = TestGate.Evaluate(
            [new("tests/A.Tests/A.Tests.csproj", 0, Results(4), null), new("tests/B.Tests/B.Tests.csproj", 134, null, "Test host process crashed")],
            Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains("tests/B.Tests/B.Tests.csproj crashed", result.Reasons[0], StringComparison.Ordinal);
        Assert.Equal("Test host process crashed", result.Findings.Single(f => f.Kind == "test-crash").Detail);
    }

    [Fact]
    public void A_non_zero_exit_without_failed_tests_is_a_failure()
    {
        var result = TestGate.Evaluate([new("tests/A.Tests/A.Tests.csproj", 1, Results(4), "collector error")], Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains("exited 1 although no test failed", result.Reasons[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 0, 0, "5 passed, 0 failed")]
    [InlineData(5, 1, 2, "5 passed, 1 failed, 2 skipped")]
    public void Totals_have_the_ci_form(int passed, int failed, int skipped, string expected) =>
        Assert.Equal(expected, TestGate.Totals(passed, failed, skipped));
}
