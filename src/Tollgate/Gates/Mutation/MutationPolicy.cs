namespace Tollgate.Gates.Mutation;

/// <summary>The Mutation gate's policy.</summary>
/// <param name="Threshold">Minimum mutation score, in percent.</param>
/// <param name="EmptyScopeAllowed">True when a scope without mutants is intended (it then passes).</param>
/// <param name="Since">The git ref of an incremental run; null for a full run.</param>
internal sealed record MutationPolicy(double Threshold, bool EmptyScopeAllowed, string? Since);

/// <summary>How Stryker's run of one project ended.</summary>
/// <param name="Project">The mutated project, repository-relative.</param>
/// <param name="ExitCode">Stryker's exit code (0, or 2 below break, are finished runs).</param>
/// <param name="Mutants">The report's mutants (files repository-relative), or null when it wrote none.</param>
/// <param name="OutputTail">For an error: the lines of Stryker's output that name the cause (errors first), else its end.</param>
internal sealed record MutationRun(string Project, int ExitCode, IReadOnlyList<Tools.Stryker.Mutant>? Mutants, string? OutputTail)
{
    /// <summary>Whether Stryker finished: it wrote a report and exited 0, or below the break threshold.</summary>
    public bool Finished => Mutants is not null && ExitCode is 0 or Tools.Stryker.StrykerTool.BelowBreak;
}
