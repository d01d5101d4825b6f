namespace Tollgate.Gates.SecurityScan;

/// <summary>The SecurityScan gate's scanners, as policies and evidence name them.</summary>
internal static class ScannerNames
{
    /// <summary>Trivy: vulnerable dependencies (lock files), misconfigurations, secrets, images.</summary>
    public const string Trivy = "trivy";

    /// <summary>NuGet's vulnerability audit of every restored package, direct and transitive.</summary>
    public const string NuGetAudit = "nuget-audit";

    /// <summary>Tollgate's own scan of the repository's files for credentials.</summary>
    public const string Secrets = "secrets";
}
