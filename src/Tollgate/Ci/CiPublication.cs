using Tollgate.Evidence;

namespace Tollgate.Ci;

/// <summary>What a finished run hands the CI host: the written bundle and the gates' results.</summary>
/// <param name="RootDirectory">The repository root.</param>
/// <param name="EvidenceDirectory">The bundle's directory.</param>
/// <param name="Gates">Every gate's result.</param>
internal sealed record CiPublication(string RootDirectory, string EvidenceDirectory, IReadOnlyList<GateResult> Gates);
