using Tollgate.Evidence;

namespace Tollgate.Ci;

/// <summary>One problem to show in a CI host's own UI: a failing gate's reason, or one of its findings with file and line.</summary>
internal sealed record CiAnnotation(string Gate, string Message, string? File = null, int? Line = null, string? Rule = null)
{
    /// <summary>The most findings annotated per gate; the evidence has them all.</summary>
    public const int FindingsPerGate = 50;

    /// <summary>The annotations of every gate that did not pass: its reasons, then its located, unsuppressed findings.</summary>
    public static IReadOnlyList<CiAnnotation> From(IEnumerable<GateResult> gates) =>
        gates.Where(g => g.Status is GateStatus.Failed or GateStatus.Error).SelectMany(g =>
            g.Reasons.Select(r => new CiAnnotation(g.Gate, r))
                .Concat(g.Findings.Where(f => f.File is not null && f.SuppressedBy is null).Take(FindingsPerGate)
                    .Select(f => new CiAnnotation(g.Gate, f.Message, f.File, f.Line, f.Rule ?? f.Kind))))
            .ToList();
}
