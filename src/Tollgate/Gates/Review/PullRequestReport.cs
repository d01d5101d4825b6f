using Tollgate.Tools.Git;

namespace Tollgate.Gates.Review;

/// <summary>What a change did, as the pull request's report shows it.</summary>
/// <param name="Commit">The commit built.</param>
/// <param name="MergeBase">Where the change starts: the merge base with the target.</param>
/// <param name="BaseRef">What the change was compared with (a branch ref or the base bundle's commit).</param>
/// <param name="BaseBundle">The base bundle's commit, or null when there is none.</param>
/// <param name="NoBaseReason">Why there is no base bundle (null when there is one).</param>
/// <param name="Changes">The files the change touched.</param>
/// <param name="Coverage">Coverage of the changed lines (null when the run has no coverage report).</param>
/// <param name="ChangedLinesThreshold">The bar for changed lines, percent.</param>
/// <param name="Statuses">Each gate's status in this run, and in the base when there is one.</param>
/// <param name="Problems">This run's problems (lint, architecture, security, undetected mutants).</param>
/// <param name="New">Those not in the base bundle (null without a base bundle: nothing to tell new from old).</param>
/// <param name="Deltas">Every figure against the base.</param>
internal sealed record PullRequestReport(
    string? Commit, string MergeBase, string BaseRef, string? BaseBundle, string? NoBaseReason, IReadOnlyList<ChangedFile> Changes,
    ChangedLineCoverage? Coverage, double ChangedLinesThreshold, IReadOnlyList<(string Gate, string Now, string? Base)> Statuses,
    IReadOnlyList<GateFinding> Problems, IReadOnlyList<GateFinding>? New, IReadOnlyList<FigureDelta> Deltas)
{
    /// <summary>Whether the changed lines reach the bar (true when nothing coverable changed).</summary>
    public bool CoverageReached => Coverage?.Percent is not { } percent || percent >= ChangedLinesThreshold;
}
