using Tollgate.Gates.Review;
using Tollgate.Tools.Git;

namespace Tollgate.Tests.Review;

public sealed class ChangedLineCoverageTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<int, bool>> Lines = new Dictionary<string, IReadOnlyDictionary<int, bool>>
    {
        ["src/A.cs"] = new Dictionary<int, bool> { [3] = true, [11] = false, [12] = false, [14] = false, [20] = true },
        ["src/B.cs"] = new Dictionary<int, bool> { [1] = true },
    };

    [Fact]
    public void Only_changed_lines_the_report_lists_count_and_uncovered_ones_become_ranges()
    {
        var coverage = ChangedLineCoverage.Of(
            [
                new ChangedFile("src/A.cs", null, ChangeKind.Modified, new HashSet<int> { 3, 4, 11, 12, 13, 14 }),
                new ChangedFile("src/C.md", null, ChangeKind.Added, new HashSet<int> { 1, 2 }),
                new ChangedFile("src/B.cs", null, ChangeKind.Deleted, new HashSet<int>()),
            ],
            Lines);

        Assert.Equal((8, 4, 1, 25.0), (coverage.Changed, coverage.Coverable, coverage.Covered, coverage.Percent));
        var a = coverage.Files.Single(f => f.File == "src/A.cs");
        Assert.Equal([(11, 12), (14, 14)], a.Uncovered);
        Assert.Equal((0, 0), (coverage.Files.Single(f => f.File == "src/C.md").Coverable, coverage.Files.Single(f => f.File == "src/C.md").Covered));
        Assert.DoesNotContain(coverage.Files, f => f.File == "src/B.cs");
    }

    [Fact]
    public void A_change_without_a_coverable_line_has_no_percentage()
    {
        var coverage = ChangedLineCoverage.Of([new ChangedFile("README.md", null, ChangeKind.Modified, new HashSet<int> { 1 })], Lines);

        Assert.Equal((1, 0, (double?)null), (coverage.Changed, coverage.Coverable, coverage.Percent));
    }
}
