using Tollgate.Tools.NuGet;
using Tollgate.Tools.Trivy;

namespace Tollgate.Gates.SecurityScan;

/// <summary>Each scanner's output as evidence findings: scanner, id, package or file, versions, severity, title.</summary>
internal static class SecurityFindings
{
    /// <summary>A Trivy finding; <paramref name="relative"/> turns Trivy's target into a repository path.</summary>
    public static Finding FromTrivy(TrivyFinding finding, Func<string, string> relative) => new(
        finding.Class, Title(finding.Title, finding.Package, finding.InstalledVersion, finding.FixedVersion), relative(finding.Target), finding.Line, finding.Id, finding.Severity, finding.Url)
    {
        Scanner = ScannerNames.Trivy,
        Package = finding.Package,
        InstalledVersion = finding.InstalledVersion,
        FixedVersion = finding.FixedVersion,
    };

    /// <summary>A package NuGet's audit marks vulnerable; the advisory's last path segment (e.g. a GHSA id) is its id.</summary>
    public static Finding FromNuGet(VulnerablePackage package, Func<string, string> relative) => new(
        "vulnerability",
        $"{package.Id} {package.ResolvedVersion} has a known {package.Severity.ToLowerInvariant()} severity vulnerability ({(package.Transitive ? "transitive" : "direct")}, {package.Framework})",
        relative(package.Project), null, AdvisoryId(package.AdvisoryUrl), package.Severity, package.AdvisoryUrl)
    {
        Scanner = ScannerNames.NuGetAudit,
        Package = package.Id,
        InstalledVersion = package.ResolvedVersion,
    };

    /// <summary>A credential the built-in scan found: rule, file, line and the masked form only.</summary>
    public static Finding FromSecret(SecretHit hit) => new("secret", hit.Rule.Title, hit.File, hit.Line, hit.Rule.Id, hit.Rule.Severity, $"masked: {hit.Masked}")
    {
        Scanner = ScannerNames.Secrets,
    };

    /// <summary>A file the built-in scan could not read: it may hold a credential nobody looked for, so it counts as high until read or suppressed.</summary>
    public static Finding FromUnreadable(SkippedFile file) => new("unreadable-file", "The secret scan could not read this file", file.File, null, "unreadable-file", "high", file.Reason)
    {
        Scanner = ScannerNames.Secrets,
    };

    /// <summary>The id an advisory URL ends in: <c>https://github.com/advisories/GHSA-x</c> → <c>GHSA-x</c>.</summary>
    public static string AdvisoryId(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 ? uri.Segments[^1].Trim('/') : url;

    private static string Title(string title, string? package, string? installed, string? fixedIn) =>
        package is null ? title : $"{package} {installed}: {title}{(fixedIn is null ? " (no fix yet)" : $" (fixed in {fixedIn})")}";
}
