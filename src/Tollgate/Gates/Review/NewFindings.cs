namespace Tollgate.Gates.Review;

/// <summary>A finding of this run with the gate that found it.</summary>
internal sealed record GateFinding(string Gate, Finding Finding);

/// <summary>
/// The findings of this run that the base bundle does not have. Problems only (lint diagnostics, architecture violations,
/// unsuppressed security findings, undetected mutants), matched by gate, rule, file (a renamed file under its old name in
/// the base) and fingerprint — the content of the line, not its number — so code that merely moved is not new. Equal
/// findings are counted: a second copy of an old problem is new, and of several equal findings the ones on changed lines
/// are the new ones (the unchanged copies are the old ones, wherever they stand in the gate's order).
/// </summary>
internal static class NewFindings
{
    /// <summary>The finding kinds each gate reports as problems.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>?> ProblemKinds = new Dictionary<string, IReadOnlySet<string>?>
    {
        ["Lint"] = new HashSet<string> { "lint" },
        ["ArchitectureTests"] = new HashSet<string> { "violation" },
        ["SecurityScan"] = null, // every unsuppressed finding
        ["Mutation"] = new HashSet<string> { "survived", "no-coverage" },
    };

    /// <summary>This run's problems, by gate order.</summary>
    public static IReadOnlyList<GateFinding> Problems(IEnumerable<(string Gate, IReadOnlyList<Finding> Findings)> gates) =>
        gates.Where(g => ProblemKinds.ContainsKey(g.Gate))
            .SelectMany(g => g.Findings.Where(f => IsProblem(g.Gate, f)).Select(f => new GateFinding(g.Gate, f)))
            .ToList();

    /// <summary>
    /// The problems of <paramref name="current"/> not in <paramref name="baseline"/>; <paramref name="renames"/> maps a base path to
    /// its path now; <paramref name="changed"/> tells whether a file's line is added or changed by the pull request.
    /// </summary>
    public static IReadOnlyList<GateFinding> Of(
        IReadOnlyList<GateFinding> current, IReadOnlyList<GateFinding> baseline, IReadOnlyDictionary<string, string> renames, Func<string, int, bool>? changed = null)
    {
        var known = baseline.Select(b => Key(b, renames)).GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        bool OnChangedLine(GateFinding f) => changed is not null && f.Finding is { File: { } file, Line: { } line } && changed(file, line);

        // Equal findings match old ones on unchanged lines first; what is left over is new.
        var fresh = new HashSet<GateFinding>(ReferenceEqualityComparer.Instance);
        foreach (var equal in current.GroupBy(f => Key(f, null), StringComparer.Ordinal))
        {
            var old = known.GetValueOrDefault(equal.Key);
            foreach (var finding in equal.OrderBy(OnChangedLine).Skip(old))
            {
                fresh.Add(finding);
            }
        }

        return current.Where(fresh.Contains).ToList();
    }

    private static bool IsProblem(string gate, Finding finding) =>
        finding.SuppressedBy is null && (ProblemKinds[gate] is not { } kinds || kinds.Contains(finding.Kind));

    private static string Key(GateFinding gated, IReadOnlyDictionary<string, string>? renames)
    {
        var f = gated.Finding;
        var file = f.File is not null && renames is not null && renames.TryGetValue(f.File, out var moved) ? moved : f.File;
        // Located findings: the line's content stands for the place; the rest by what they name (package, message).
        return f.Fingerprint is { } fingerprint
            ? string.Join('\u001f', gated.Gate, f.Kind, f.Rule, file, fingerprint, f.Message)
            : string.Join('\u001f', gated.Gate, f.Kind, f.Rule, file, f.Package, f.Message);
    }
}
