namespace Tollgate.Tools.Sarif;

/// <summary>One result of a SARIF log.</summary>
/// <param name="RuleId">The rule, e.g. <c>CS0219</c>.</param>
/// <param name="Level">error, warning, note or none.</param>
/// <param name="Message">The message text.</param>
/// <param name="FilePath">The full path of the file, when the result has a location.</param>
/// <param name="Line">Its start line.</param>
/// <param name="Suppressed">True when the source suppressed it (#pragma, SuppressMessage).</param>
internal sealed record SarifResult(string RuleId, string Level, string Message, string? FilePath, int? Line, bool Suppressed);
