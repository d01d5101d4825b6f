using Tollgate.Tools.Git;

namespace Tollgate.Gates.Review;

/// <summary>One changed file's part: lines changed, how many of them are coverable, covered, and the uncovered ones as ranges.</summary>
internal sealed record FileChangeCoverage(string File, int Changed, int Coverable, int Covered, IReadOnlyList<(int From, int To)> Uncovered);

/// <summary>
/// Coverage of the lines a change added or changed: the changed lines of each file that the merged Cobertura lists
/// (coverable), and of those the ones with hits. Counts, never rounded percentages; a change with no coverable line
/// has no percentage (nothing to judge).
/// </summary>
internal sealed record ChangedLineCoverage(int Changed, int Coverable, int Covered, IReadOnlyList<FileChangeCoverage> Files)
{
    /// <summary>Covered ÷ coverable in percent; null when nothing coverable changed.</summary>
    public double? Percent => Coverable == 0 ? null : Math.Round(100.0 * Covered / Coverable, 2);

    /// <summary>Maps <paramref name="changes"/> onto <paramref name="lines"/> (by repository-relative file).</summary>
    public static ChangedLineCoverage Of(IReadOnlyList<ChangedFile> changes, IReadOnlyDictionary<string, IReadOnlyDictionary<int, bool>> lines)
    {
        var files = new List<FileChangeCoverage>();
        foreach (var change in changes.Where(c => c.Kind != ChangeKind.Deleted && c.Lines.Count > 0).OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            var known = lines.TryGetValue(change.Path, out var coverage) ? coverage : null;
            var coverable = change.Lines.Where(l => known?.ContainsKey(l) == true).Order().ToList();
            var uncovered = coverable.Where(l => !known![l]).ToList();
            files.Add(new FileChangeCoverage(change.Path, change.Lines.Count, coverable.Count, coverable.Count - uncovered.Count, Ranges(uncovered)));
        }

        return new ChangedLineCoverage(files.Sum(f => f.Changed), files.Sum(f => f.Coverable), files.Sum(f => f.Covered), files);
    }

    private static List<(int From, int To)> Ranges(IReadOnlyList<int> sorted)
    {
        var ranges = new List<(int From, int To)>();
        foreach (var line in sorted)
        {
            if (ranges.Count > 0 && ranges[^1].To == line - 1)
            {
                ranges[^1] = (ranges[^1].From, line);
            }
            else
            {
                ranges.Add((line, line));
            }
        }

        return ranges;
    }
}
