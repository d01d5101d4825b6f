using System.Globalization;
using Tollgate.Evidence;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// The SecurityScan gate's verdict: every finding of every scanner, minus those an active suppression
/// or the secrets allow-list covers, counted per severity and held to the policy (by default zero
/// critical and zero high). A scanner that could not run is an error unless the policy waives it, and a
/// waiver is written into the evidence. An expired, reasonless or dateless suppression fails the gate.
/// </summary>
internal static class SecurityScanGate
{
    /// <summary>The gate's name.</summary>
    public const string Name = "SecurityScan";

    /// <summary>Judges the scanners' findings.</summary>
    public static GateResult Evaluate(
        IReadOnlyList<ScannerRun> scanners, IReadOnlyList<Finding> findings, SecurityPolicy policy, IReadOnlyDictionary<string, string> tools)
    {
        var judged = Deduplicated(findings).Select(f => f with { Severity = SecurityPolicy.Normalize(f.Severity), SuppressedBy = SuppressedBy(f, policy) })
            .OrderBy(f => Rank(f.Severity)).ThenBy(f => f.Scanner, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Package, StringComparer.Ordinal)
            .ToList();
        var counting = judged.Where(f => f.SuppressedBy is null).ToList();
        var metrics = SecurityPolicy.Severities.ToDictionary(s => s, s => (double)counting.Count(f => f.Severity == s));
        metrics["suppressed"] = judged.Count - counting.Count;
        var thresholds = policy.FailOn.ToDictionary(s => s, _ => 0.0);

        var reasons = new List<string>();
        var errors = scanners.Where(s => s.State is ScannerState.Missing or ScannerState.Failed).Select(s => $"{s.Scanner}: {s.Message}").ToList();
        reasons.AddRange(errors);
        var failing = policy.FailOn.Where(s => metrics[s] > 0).Select(s => $"{metrics[s]} {s}").ToList();
        if (failing.Count > 0)
        {
            reasons.Add($"{string.Join(", ", failing)} finding(s); the policy allows none at {string.Join(" or ", policy.FailOn)}");
        }

        var suppressions = policy.Entries.Suppressions;
        reasons.AddRange(suppressions.Select(s => s.Problem(policy.Today)).OfType<string>());

        var waivers = scanners.Where(s => s.State == ScannerState.Waived)
            .Select(s => new Waiver { Subject = s.Scanner, Reason = policy.Entries.Waivers[s.Scanner], Source = policy.PolicySource }).ToList();
        var status = errors.Count > 0 ? GateStatus.Error : reasons.Count > 0 ? GateStatus.Failed : GateStatus.Passed;
        var headline = (errors.Count > 0 ? $"error: {string.Join(", ", scanners.Where(s => s.State is ScannerState.Missing or ScannerState.Failed).Select(s => s.Scanner))} did not scan; " : "")
            + string.Join(", ", SecurityPolicy.Severities.Take(2).Select(s => $"{metrics[s]} {s}"))
            + (metrics["suppressed"] > 0 ? $" ({metrics["suppressed"]} suppressed)" : "")
            + (waivers.Count > 0 ? $"; waived: {string.Join(", ", waivers.Select(w => w.Subject))}" : "");
        return new GateResult(Name, status, headline, reasons, metrics, thresholds, tools, judged) { Waivers = waivers };
    }

    /// <summary>A secret both Trivy and the built-in scan found is listed once (the built-in one).</summary>
    private static IEnumerable<Finding> Deduplicated(IReadOnlyList<Finding> findings)
    {
        var builtIn = findings.Where(f => f.Kind == "secret" && f.Scanner == ScannerNames.Secrets).Select(f => (f.File, f.Line)).ToHashSet();
        return findings.Where(f => !(f.Kind == "secret" && f.Scanner == ScannerNames.Trivy && builtIn.Contains((f.File, f.Line))));
    }

    private static string? SuppressedBy(Finding finding, SecurityPolicy policy)
    {
        if (finding.Kind == "secret")
        {
            var allowed = policy.Entries.AllowedSecrets.FirstOrDefault(a => finding.File is not null && a.Allows(finding.Rule ?? "", finding.File));
            if (allowed is not null)
            {
                return $"allowed secret ({allowed.Source}): {allowed.Reason}";
            }
        }

        var suppression = policy.Entries.Suppressions.FirstOrDefault(s => s.IsActiveOn(policy.Today) && s.Covers(finding.Rule ?? "", finding.Detail, finding.Package));
        return suppression is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"suppression ({suppression.Source}, until {suppression.Expires:yyyy-MM-dd}): {suppression.Reason}");
    }

    private static int Rank(string? severity)
    {
        var index = SecurityPolicy.Severities.ToList().IndexOf(severity ?? "unknown");
        return index < 0 ? SecurityPolicy.Severities.Count : index;
    }
}
