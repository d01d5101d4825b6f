namespace Tollgate.Gates.Coverage;

/// <summary>The Coverage gate's policy.</summary>
/// <param name="LineThreshold">Minimum line coverage, in percent.</param>
/// <param name="BranchThreshold">Minimum branch coverage, in percent; null: not checked.</param>
/// <param name="Tolerance">How many percentage points line coverage may drop below the baseline.</param>
internal sealed record CoveragePolicy(double LineThreshold, double? BranchThreshold, double Tolerance);

/// <summary>A previous line coverage to hold the current one to (the ratchet).</summary>
/// <param name="Line">Its line coverage, in percent.</param>
/// <param name="Source">Where it came from, for the evidence.</param>
internal sealed record CoverageBaseline(double Line, string Source);
