namespace Tollgate.Gates.SecurityScan;

/// <summary>A credential the built-in scan found: never its value, only where and a masked form.</summary>
internal sealed record SecretHit(SecretRule Rule, string File, int Line, string Masked);
