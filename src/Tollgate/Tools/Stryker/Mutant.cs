namespace Tollgate.Tools.Stryker;

/// <summary>One mutant of a Stryker report.</summary>
/// <param name="File">The mutated file (full path as the report names it).</param>
/// <param name="Line">1-based start line.</param>
/// <param name="Mutator">The mutator's name, e.g. <c>Equality mutation</c>.</param>
/// <param name="Status">Killed, Survived, Timeout, NoCoverage, CompileError, RuntimeError or Ignored.</param>
/// <param name="Original">The code the mutant replaced.</param>
/// <param name="Replacement">What it put there.</param>
internal sealed record Mutant(string File, int Line, string Mutator, string Status, string Original, string Replacement);
