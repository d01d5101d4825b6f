using Tollgate.Gates.Test;

namespace Tollgate.Tests.Gates;

public class TestProgressTests
{
    [Fact]
    public void Counts_the_results_vstest_prints_and_says_of_how_many()
    {
        var progress = new TestProgress(463, () => TimeSpan.FromSeconds(270));

        foreach (var line in new[]
        {
            "  Passed Tollgate.Tests.A.B [12 ms]",
            "  Passed Tollgate.Tests.A.C(value: \"x\") [< 1 ms]",
            "  Failed Tollgate.Tests.A.D [3 s]",
            "  Error Message:",
            "   Assert.Equal() Failure: Passed expected [1]",
            "  Skipped Tollgate.Tests.A.E [1 ms]",
            "Passed!  - Failed:     0, Passed:     3, Skipped:     0, Total:     3, Duration: 1 s - A.dll (net10.0)",
        })
        {
            progress.Observe(line);
        }

        Assert.Equal("Testing: 4 of about 463 tests done (1 failed), 4:30 elapsed", progress.Describe());
    }

    [Fact]
    public void Without_a_last_run_it_says_only_how_many_are_done()
    {
        var progress = new TestProgress(0, () => TimeSpan.FromSeconds(31));
        progress.Observe("  Passed X.Y [1 ms]");

        Assert.Equal("Testing: 1 tests done, 0:31 elapsed", progress.Describe());
    }
}
