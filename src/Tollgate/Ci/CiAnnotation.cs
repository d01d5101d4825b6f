using Tollgate.Evidence;

namespace Tollgate.Ci;

/// <summary>One problem to show in a CI host's own UI: a failing gate's reason, or one of its findings with file and line.</summary>
internal sealed record CiAnnotation(string Gate, string Message, string? File = null, int? Line = null, string? Rule = null)
{
    /// <summary>The most findings annotated per gate; the evidence has them all.</summary>
    public const int FindingsPerGate = 50;

    /// <summary>
    /// The annotations of every gate that did not pass: its reasons, then its located, unsuppressed findings — on a pull
    /// request (<paramref name="changed"/> given) only those on lines the change wrote.
    /// </summary>
    public static IReadOnlyList<CiAnnotation> From(IEnumerable<GateResult> gates, ChangedLines? changed = null) =>
        gates.Where(g => g.Status is GateStatus.Failed or GateStatus.Error).SelectMany(g =>
            g.Reasons.Select(r => new CiAnnotation(g.Gate, r))
                .Concat(g.Findings.Where(f => f.File is not null && f.SuppressedBy is null)
                    .Where(f => changed is null || (f.Line is { } line && changed.Contains(f.File!, line)))
                    .Take(FindingsPerGate)
                    .Select(f => new CiAnnotation(g.Gate, f.Message, f.File, f.Line, f.Rule ?? f.Kind))))
            .ToList();
}
