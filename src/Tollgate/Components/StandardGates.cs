using Tollgate.Evidence;
using Tollgate.Gates.ArchitectureTests;
using Tollgate.Gates.Coverage;
using Tollgate.Gates.Lint;
using Tollgate.Gates.Mutation;
using Tollgate.Gates.SecurityScan;
using Tollgate.Gates.Test;

namespace Tollgate;

/// <summary>The six quality gates, by the name their target and their evidence share, and what "required" means for Package and Deploy.</summary>
internal static class StandardGates
{
    /// <summary>Every gate's name.</summary>
    public static readonly IReadOnlyList<string> Names =
        [LintGate.Name, TestGate.Name, CoverageGate.Name, MutationGate.Name, ArchitectureGate.Name, SecurityScanGate.Name];

    /// <summary><paramref name="required"/> checked to name gates; a name that is not one is a <see cref="BuildException"/> naming it.</summary>
    public static IReadOnlyList<string> Checked(IEnumerable<string> required) => required.Select(name =>
        Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new BuildException($"--required-gates '{name}' is not a gate; use any of {string.Join(", ", Names)}.")).Distinct().ToList();

    /// <summary>Each required gate that did not pass, with its status (<c>not run</c> when no result was recorded); empty when all passed.</summary>
    public static IReadOnlyList<string> NotPassed(IReadOnlyList<string> required, IReadOnlyDictionary<string, string> statuses) =>
        required.Select(gate => statuses.TryGetValue(gate, out var status) ? (gate, status) : (gate, "not run"))
            .Where(g => g.Item2 != "passed")
            .Select(g => $"{g.gate} {g.Item2}")
            .ToList();

    /// <summary>The statuses of the gates recorded in <paramref name="evidence"/>, lower case, by gate.</summary>
    public static IReadOnlyDictionary<string, string> StatusesOf(BundleWriter evidence) =>
        evidence.Gates.ToDictionary(g => g.Result.Gate, g => g.Result.Status.ToString().ToLowerInvariant(), StringComparer.Ordinal);
}
