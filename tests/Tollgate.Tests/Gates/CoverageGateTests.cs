using Tollgate.Gates.Coverage;
using Tollgate.Tools.Cobertura;

namespace Tollgate.Tests.Gates;

public class CoverageGateTests
{
    private static readonly CoveragePolicy Default = new(70, null, 0.5);
    private static readonly Dictionary<string, string> Tools = new() { ["dotnet-reportgenerator-globaltool"] = "5.6.0" };

    [Theory]
    [InlineData(70, 100, GateStatus.Passed)]
    [InlineData(69, 100, GateStatus.Failed)]
    [InlineData(699, 1000, GateStatus.Failed)]
    [InlineData(7, 10, GateStatus.Passed)]
    public void Line_threshold_is_held_on_raw_counts(long covered, long valid, GateStatus expected)
    {
        Assert.Equal(expected, CoverageGate.Evaluate(new CoverageCounts(covered, valid, 0, 0), [], Default, null, Tools).Status);
    }

    [Fact]
    public void A_figure_that_rounds_up_to_the_threshold_still_fails()
    {
        // 69.996 % prints as 70 % but is below it.
        var result = CoverageGate.Evaluate(new CoverageCounts(17499, 25000, 0, 0), [], Default, null, Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Equal(70, result.Metrics["line"]);
    }

    [Fact]
    public void No_coverage_file_fails()
    {
        var result = CoverageGate.Evaluate(null, [], Default, null, Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains("no coverage file", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_coverable_lines_fails()
    {
        var result = CoverageGate.Evaluate(new CoverageCounts(0, 0, 0, 0), [], Default, null, Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains("zero coverable lines", result.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Branch_threshold_is_off_by_default_and_held_when_set()
    {
        var counts = new CoverageCounts(90, 100, 1, 10);

        Assert.Equal(GateStatus.Passed, CoverageGate.Evaluate(counts, [], Default, null, Tools).Status);
        var strict = CoverageGate.Evaluate(counts, [], Default with { BranchThreshold = 50 }, null, Tools);
        Assert.Equal(GateStatus.Failed, strict.Status);
        Assert.Contains("branch coverage 10 % (1/10) is below 50 %", strict.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_below_the_baseline_beyond_the_tolerance_fails_above_the_threshold()
    {
        var result = CoverageGate.Evaluate(new CoverageCounts(80, 100, 0, 0), [], Default, new CoverageBaseline(85, "previous"), Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains("dropped from 85 % (previous) to 80 %", result.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(85, result.Thresholds["baseline"]);
        Assert.Equal("80 % lines (baseline 85 %)", result.Headline);
    }

    [Fact]
    public void A_drop_within_the_tolerance_passes()
    {
        var result = CoverageGate.Evaluate(new CoverageCounts(846, 1000, 0, 0), [], Default, new CoverageBaseline(85, "previous"), Tools);

        Assert.Equal(GateStatus.Passed, result.Status);
    }

    [Fact]
    public void Files_with_most_uncovered_lines_are_listed_first()
    {
        var result = CoverageGate.Evaluate(
            new CoverageCounts(80, 100, 0, 0), [new FileCoverage("a.cs", 10, 10), new FileCoverage("b.cs", 5, 10), new FileCoverage("c.cs", 1, 10)], Default, null, Tools);

        Assert.Equal(["c.cs", "b.cs"], result.Findings.Select(f => f.File));
    }
}
