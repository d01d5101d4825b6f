namespace Tollgate.Gates.Lint;

/// <summary>A diagnostic found by the build's compiler log or by dotnet format.</summary>
/// <param name="File">Repository-relative path, forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Rule">The diagnostic id.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Severity">error, warning, note or none.</param>
/// <param name="Source">build or format.</param>
internal sealed record LintDiagnostic(string? File, int? Line, string Rule, string Message, string Severity, string Source);
