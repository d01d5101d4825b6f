using System.Globalization;
using Tollgate.Evidence;
using Tollgate.Tools.Cobertura;

namespace Tollgate.Gates.Coverage;

/// <summary>
/// The Coverage gate's verdict from raw counts: covered/coverable lines (and branches when a branch
/// threshold is set) against the policy, and the ratchet against a baseline. No coverage data, or no
/// coverable line, fails the gate.
/// </summary>
internal static class CoverageGate
{
    /// <summary>The gate's name.</summary>
    public const string Name = "Coverage";

    /// <summary>How many files with the most uncovered lines are listed as findings.</summary>
    public const int FilesListed = 20;

    /// <summary>Judges the merged counts.</summary>
    /// <param name="counts">The merged counts, or null when there was no coverage file.</param>
    /// <param name="files">Per-file counts, for the findings.</param>
    /// <param name="policy">Thresholds and tolerance.</param>
    /// <param name="baseline">The ratchet's baseline, if any.</param>
    /// <param name="tools">Tools and versions.</param>
    public static GateResult Evaluate(
        CoverageCounts? counts, IReadOnlyList<FileCoverage> files, CoveragePolicy policy, CoverageBaseline? baseline, IReadOnlyDictionary<string, string> tools)
    {
        var thresholds = new Dictionary<string, double> { ["line"] = policy.LineThreshold, ["tolerance"] = policy.Tolerance };
        if (policy.BranchThreshold is { } branchThreshold)
        {
            thresholds["branch"] = branchThreshold;
        }

        if (baseline is not null)
        {
            thresholds["baseline"] = baseline.Line;
        }

        if (counts is null)
        {
            return Failed("no coverage file: the Test run collected none (is coverlet.collector referenced and --collect-coverage on?)", "no coverage data", new Dictionary<string, double>(), thresholds, tools, []);
        }

        var metrics = new Dictionary<string, double>
        {
            ["linesCovered"] = counts.LinesCovered,
            ["linesValid"] = counts.LinesValid,
            ["branchesCovered"] = counts.BranchesCovered,
            ["branchesValid"] = counts.BranchesValid,
        };
        if (counts.LinesValid == 0)
        {
            return Failed("zero coverable lines: nothing was measured (check the include/exclude filters)", "0 coverable lines", metrics, thresholds, tools, []);
        }

        var line = Percent(counts.LinesCovered, counts.LinesValid);
        metrics["line"] = line;
        var reasons = new List<string>();
        var shownLine = Format(line);
        if (counts.LinesCovered * 100.0 < policy.LineThreshold * counts.LinesValid)
        {
            shownLine = Below(counts.LinesCovered * 100.0 / counts.LinesValid, policy.LineThreshold);
            reasons.Add($"line coverage {shownLine} % ({counts.LinesCovered}/{counts.LinesValid}) is below {Format(policy.LineThreshold)} %");
        }

        if (counts.BranchesValid > 0)
        {
            metrics["branch"] = Percent(counts.BranchesCovered, counts.BranchesValid);
        }

        if (policy.BranchThreshold is { } minimum && counts.BranchesValid > 0 && counts.BranchesCovered * 100.0 < minimum * counts.BranchesValid)
        {
            reasons.Add($"branch coverage {Below(counts.BranchesCovered * 100.0 / counts.BranchesValid, minimum)} % ({counts.BranchesCovered}/{counts.BranchesValid}) is below {Format(minimum)} %");
        }

        if (baseline is not null && baseline.Line - line > policy.Tolerance)
        {
            reasons.Add($"line coverage dropped from {Format(baseline.Line)} % ({baseline.Source}) to {Format(line)} %, more than the tolerance of {Format(policy.Tolerance)} points");
        }

        var findings = files.Where(f => f.Uncovered > 0)
            .OrderByDescending(f => f.Uncovered).ThenBy(f => f.File, StringComparer.Ordinal)
            .Take(FilesListed)
            .Select(f => new Finding
            {
                Kind = "uncovered",
                Message = $"{f.Uncovered} of {f.LinesValid} lines not covered",
                File = f.File,
                Rule = "uncovered-lines",
            })
            .ToList();
        var headline = $"{shownLine} % lines" + (baseline is null ? "" : $" (baseline {Format(baseline.Line)} %)");
        return new GateResult(Name, reasons.Count == 0 ? GateStatus.Passed : GateStatus.Failed, headline, reasons, metrics, thresholds, tools, findings);
    }

    /// <summary>A percentage rounded to two decimals for display; verdicts never use it.</summary>
    public static double Percent(long part, long whole) => Math.Round(part * 100.0 / whole, 2);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A figure below a threshold, with as many decimals as it takes to show that it is below (78.1499 against
    /// 78.15, never "78.15 % is below 78.15 %"), up to six.
    /// </summary>
    public static string Below(double value, double threshold)
    {
        for (var decimals = 2; decimals < 6; decimals++)
        {
            if (Math.Round(value, decimals, MidpointRounding.ToZero) < threshold && Math.Round(value, decimals) < threshold)
            {
                return Math.Round(value, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
            }
        }

        return Math.Round(value, 6, MidpointRounding.ToZero).ToString("0.######", CultureInfo.InvariantCulture);
    }

    private static GateResult Failed(
        string reason, string headline, IReadOnlyDictionary<string, double> metrics, IReadOnlyDictionary<string, double> thresholds,
        IReadOnlyDictionary<string, string> tools, IReadOnlyList<Finding> findings) =>
        new(Name, GateStatus.Failed, headline, [reason], metrics, thresholds, tools, findings);
}
