namespace Tollgate.Tools.Cobertura;

/// <summary>Raw coverage counts: covered and coverable lines and branches.</summary>
internal sealed record CoverageCounts(long LinesCovered, long LinesValid, long BranchesCovered, long BranchesValid);

/// <summary>The coverage of one source file.</summary>
internal sealed record FileCoverage(string File, long LinesCovered, long LinesValid)
{
    /// <summary>Coverable lines not covered.</summary>
    public long Uncovered => LinesValid - LinesCovered;
}
