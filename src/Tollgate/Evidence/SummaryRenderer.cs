using System.Globalization;
using System.Text;

namespace Tollgate.Evidence;

/// <summary><c>summary.md</c>: the run and every gate in a table, then what each failing gate found.</summary>
internal static class SummaryRenderer
{
    /// <summary>The most findings listed per gate; the gate's JSON has them all.</summary>
    public const int FindingsShown = 20;

    /// <summary>The Markdown text.</summary>
    public static string Render(RunRecord run, IReadOnlyList<GateResult> gates)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Tollgate evidence: {run.Outcome}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Repository: {run.Repository.Name}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Commit: {run.Commit ?? "(not a git repository)"}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Tollgate: {run.TollgateVersion}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Requested: {string.Join(" ", run.Requested)}\n");
        if (run.Error is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Error: {Cell(run.Error)}\n");
        }

        text.Append("\n| Target | Status | Result |\n|---|---|---|\n");
        foreach (var target in run.Targets)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {target.Name} | {target.Status} | {Cell(target.Headline ?? target.Reason ?? "")} |\n");
        }

        if (gates.Count > 0)
        {
            text.Append("\n| Gate | Verdict | Figure |\n|---|---|---|\n");
            foreach (var gate in gates)
            {
                text.Append(CultureInfo.InvariantCulture, $"| {gate.Gate} | {gate.Status.ToString().ToLowerInvariant()} | {Cell(gate.Headline)} |\n");
            }
        }

        var overridden = run.Parameters.Where(p => p.Overridden).ToList();
        if (overridden.Count > 0)
        {
            text.Append("\n## Overridden parameters\n\n");
            foreach (var parameter in overridden)
            {
                text.Append(CultureInfo.InvariantCulture, $"- `{parameter.Name}` = `{(parameter.Secret ? "(secret)" : parameter.Value)}` from {parameter.Source}\n");
            }
        }

        var waived = gates.SelectMany(g => g.Waivers.Select(w => (g.Gate, Waiver: w))).ToList();
        if (waived.Count > 0)
        {
            text.Append("\n## Waivers\n\n");
            foreach (var (gate, waiver) in waived)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {gate}: `{waiver.Subject}` waived by {waiver.Source}: {Cell(waiver.Reason)}\n");
            }
        }

        foreach (var gate in gates.Where(g => g.Status != GateStatus.Passed))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## {gate.Gate}: {gate.Status.ToString().ToLowerInvariant()}\n\n");
            foreach (var reason in gate.Reasons)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {reason}\n");
            }

            foreach (var finding in gate.Findings.Take(FindingsShown))
            {
                var where = finding.File is null ? "" : $" ({finding.File}{(finding.Line is { } line ? $":{line}" : "")})";
                text.Append(CultureInfo.InvariantCulture, $"- {finding.Rule ?? finding.Kind}{where}: {finding.Message}\n");
            }

            if (gate.Findings.Count > FindingsShown)
            {
                text.Append(CultureInfo.InvariantCulture, $"- … and {gate.Findings.Count - FindingsShown} more in {GateDocument.PathOf(gate.Gate)}\n");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
