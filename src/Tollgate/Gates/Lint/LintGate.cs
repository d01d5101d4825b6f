using Tollgate.Evidence;

namespace Tollgate.Gates.Lint;

/// <summary>
/// The Lint gate's verdict from the parsed diagnostics: the same place and rule reported by both the
/// build and dotnet format counts once (<c>WHITESPACE</c> is dotnet format's name for <c>IDE0055</c>);
/// a diagnostic at a failing severity fails the gate.
/// </summary>
internal static class LintGate
{
    /// <summary>The gate's name.</summary>
    public const string Name = "Lint";

    /// <summary>Judges the diagnostics against the policy.</summary>
    /// <param name="diagnostics">Every diagnostic of the build logs and the format report.</param>
    /// <param name="missingLogs">Projects whose compiler log was missing: each is an error, never a pass.</param>
    /// <param name="policy">Which severities fail.</param>
    /// <param name="tools">Tools and versions.</param>
    public static GateResult Evaluate(
        IReadOnlyList<LintDiagnostic> diagnostics, IReadOnlyList<string> missingLogs, LintPolicy policy, IReadOnlyDictionary<string, string> tools)
    {
        var unique = diagnostics
            .GroupBy(d => (d.File, d.Line, Rule: d.Rule == "WHITESPACE" ? "IDE0055" : d.Rule))
            .Select(g => g.OrderBy(d => Rank(d.Severity)).First())
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Rule, StringComparer.Ordinal)
            .ToList();
        var failing = unique.Where(d => policy.FailOn.Contains(d.Severity, StringComparer.OrdinalIgnoreCase)).ToList();

        var metrics = new Dictionary<string, double> { ["violations"] = failing.Count, ["diagnostics"] = unique.Count };
        foreach (var severity in LintPolicy.Severities)
        {
            metrics[severity] = unique.Count(d => d.Severity.Equals(severity, StringComparison.OrdinalIgnoreCase));
        }

        var findings = unique.Select(d => new Finding
        {
            Kind = "lint",
            Message = d.Message,
            File = d.File,
            Line = d.Line,
            Rule = d.Rule,
            Severity = d.Severity,
            Detail = d.Source,
        }).ToList();
        if (missingLogs.Count > 0)
        {
            var reason = $"no compiler log for {string.Join(", ", missingLogs)}; the build did not run with Tollgate's lint targets (run Compile through ./build.sh)";
            return new GateResult(Name, GateStatus.Error, "compiler log missing", [reason], metrics, Thresholds(policy), tools, findings);
        }

        var reasons = failing.Count == 0
            ? new List<string>()
            : [$"{failing.Count} violation{(failing.Count == 1 ? "" : "s")} at severity {string.Join(" or ", policy.FailOn)}"];
        var headline = $"{failing.Count} violation{(failing.Count == 1 ? "" : "s")}";
        return new GateResult(Name, failing.Count == 0 ? GateStatus.Passed : GateStatus.Failed, headline, reasons, metrics, Thresholds(policy), tools, findings);
    }

    private static Dictionary<string, double> Thresholds(LintPolicy policy) => new() { ["violations"] = 0 };

    private static int Rank(string severity) => severity.ToLowerInvariant() switch
    {
        "error" => 0,
        "warning" => 1,
        "note" => 2,
        _ => 3,
    };
}
