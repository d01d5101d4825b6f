using Tollgate.Tools.Trx;

namespace Tollgate.Gates.Test;

/// <summary>How one test project's run ended.</summary>
/// <param name="Project">The project's repository-relative path.</param>
/// <param name="ExitCode">The exit code of <c>dotnet test</c>.</param>
/// <param name="Results">Its TRX results, or null when it wrote none (it crashed).</param>
/// <param name="OutputTail">The last lines of its output, for a crash.</param>
public sealed record TestProjectOutcome(string Project, int ExitCode, TrxResults? Results, string? OutputTail);
