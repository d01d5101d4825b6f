using System.Text.RegularExpressions;

namespace Tollgate.Gates.SecurityScan;

/// <summary>One credential format: its id, title, severity, and a pattern whose group <c>secret</c> is the value to mask.</summary>
internal sealed record SecretRule(string Id, string Title, string Severity, Regex Pattern);
