namespace Tollgate.Gates.SecurityScan;

/// <summary>A file the secret scan did not read, and why.</summary>
internal sealed record SkippedFile(string File, string Reason);
