using Tollgate.Tools.Trx;

namespace Tollgate.Gates.Test;

/// <summary>How one test project's run ended.</summary>
/// <param name="Project">The project's repository-relative path.</param>
/// <param name="ExitCode">The exit code of <c>dotnet test</c>.</param>
/// <param name="Results">Its TRX results, or null when it wrote none (it crashed).</param>
/// <param name="OutputTail">The last lines of its output, for a crash.</param>
/// <param name="Framework">The target framework it ran for (each framework of a multi-targeted project runs on its own).</param>
/// <param name="Problem">Why it was not run (a test application the gate cannot read), naming the fix; null: it ran.</param>
/// <param name="Hung">The tests that made no progress within the hang timeout, so that the test host was stopped; null or empty: none.</param>
internal sealed record TestProjectOutcome(
    string Project, int ExitCode, TrxResults? Results, string? OutputTail, string? Framework = null, string? Problem = null, IReadOnlyList<string>? Hung = null)
{
    /// <summary>Whether a test hung.</summary>
    public bool HasHung => Hung is { Count: > 0 };

    /// <summary>The project, with the framework when there is one: <c>tests/A.Tests.csproj (net9.0)</c>.</summary>
    public string Run => Framework is null ? Project : $"{Project} ({Framework})";
}
