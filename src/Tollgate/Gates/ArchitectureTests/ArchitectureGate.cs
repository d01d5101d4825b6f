using System.Globalization;
using Tollgate.Evidence;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>
/// The ArchitectureTests gate's verdict: a violation that is not in the frozen baseline fails the gate;
/// frozen ones are listed as known. No rules, or no types to check, is a failure, never a pass.
/// </summary>
internal static class ArchitectureGate
{
    /// <summary>The gate's name.</summary>
    public const string Name = "ArchitectureTests";

    /// <summary>Judges the violations.</summary>
    /// <param name="violations">Every violation found.</param>
    /// <param name="known">The keys of the frozen violations.</param>
    /// <param name="rules">How many rules were checked.</param>
    /// <param name="types">How many types were checked.</param>
    /// <param name="tools">What read the assemblies.</param>
    public static GateResult Evaluate(
        IReadOnlyList<ArchitectureViolation> violations, IReadOnlySet<string> known, int rules, int types, IReadOnlyDictionary<string, string> tools)
    {
        var fresh = violations.Where(v => !known.Contains(v.Key)).ToList();
        var frozen = violations.Where(v => known.Contains(v.Key)).ToList();
        var gone = known.Except(violations.Select(v => v.Key)).Count();
        var metrics = new Dictionary<string, double>
        {
            ["violations"] = fresh.Count,
            ["known"] = frozen.Count,
            ["fixedSinceFreeze"] = gone,
            ["rules"] = rules,
            ["types"] = types,
        };
        var reasons = new List<string>();
        if (rules == 0)
        {
            reasons.Add("no architecture rules: write .nuke/architecture.json (see architecture.schema.json)");
        }

        if (types == 0)
        {
            reasons.Add("no types to check: no assembly was found to read");
        }

        if (fresh.Count > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{fresh.Count} violation{(fresh.Count == 1 ? "" : "s")} of {fresh.Select(v => v.Rule).Distinct().Count()} rule{(fresh.Select(v => v.Rule).Distinct().Count() == 1 ? "" : "s")}"));
        }

        var findings = fresh.Select(v => Finding(v, "violation"))
            .Concat(frozen.Select(v => Finding(v, "known")))
            .ToList();
        var headline = string.Create(CultureInfo.InvariantCulture, $"{fresh.Count} violation{(fresh.Count == 1 ? "" : "s")} ({rules} rules)") + (frozen.Count > 0 ? $", {frozen.Count} known" : "");
        return new GateResult(Name, reasons.Count == 0 ? GateStatus.Passed : GateStatus.Failed, headline, reasons, metrics,
            new Dictionary<string, double> { ["violations"] = 0 }, tools, findings);
    }

    private static Finding Finding(ArchitectureViolation violation, string kind) =>
        new Finding
        {
            Kind = kind == "known" ? "known-violation" : "violation",
            Message = violation.Message,
            Rule = violation.Rule,
            Severity = kind == "known" ? "note" : "error",
            Detail = $"type {violation.Type}; dependency {violation.Dependency}; found in {violation.Member}",
        };
}
