using Tollgate.Tools.NuGet;
using Tollgate.Tools.Trivy;

namespace Tollgate.Gates.SecurityScan;

/// <summary>Each scanner's output as evidence findings: scanner, id, package or file, versions, severity, title.</summary>
internal static class SecurityFindings
{
    /// <summary>A Trivy finding; <paramref name="relative"/> turns Trivy's target into a repository path.</summary>
    public static Finding FromTrivy(TrivyFinding finding, Func<string, string> relative) => new Finding
    {
        Kind = finding.Class,
        Message = Title(finding.Title, finding.Package, finding.InstalledVersion, finding.FixedVersion),
        File = relative(finding.Target),
        Line = finding.Line,
        Rule = finding.Id,
        Severity = finding.Severity,
        Detail = finding.Url,
        Scanner = ScannerNames.Trivy,
        Package = finding.Package,
        InstalledVersion = finding.InstalledVersion,
        FixedVersion = finding.FixedVersion,
    };

    /// <summary>A package NuGet's audit marks vulnerable; the advisory's last path segment (e.g. a GHSA id) is its id.</summary>
    public static Finding FromNuGet(VulnerablePackage package, Func<string, string> relative) => new Finding
    {
        Kind = "vulnerability",
        Message = $"{package.Id} {package.ResolvedVersion} has a known {package.Severity.ToLowerInvariant()} severity vulnerability ({(package.Transitive ? "transitive" : "direct")}, {package.Framework})",
        File = relative(package.Project),
        Line = null,
        Rule = AdvisoryId(package.AdvisoryUrl),
        Severity = package.Severity,
        Detail = package.AdvisoryUrl,
        Scanner = ScannerNames.NuGetAudit,
        Package = package.Id,
        InstalledVersion = package.ResolvedVersion,
    };

    /// <summary>A credential the built-in scan found: rule, file, line and the masked form only.</summary>
    public static Finding FromSecret(SecretHit hit) => new Finding
    {
        Kind = "secret",
        Message = hit.Rule.Title,
        File = hit.File,
        Line = hit.Line,
        Rule = hit.Rule.Id,
        Severity = hit.Rule.Severity,
        Detail = $"masked: {hit.Masked}",
        Scanner = ScannerNames.Secrets,
    };

    /// <summary>A file the built-in scan could not read: it may hold a credential nobody looked for, so it counts as high until read or suppressed.</summary>
    public static Finding FromUnreadable(SkippedFile file) => new Finding
    {
        Kind = "unreadable-file",
        Message = "The secret scan could not read this file",
        File = file.File,
        Line = null,
        Rule = "unreadable-file",
        Severity = "high",
        Detail = file.Reason,
        Scanner = ScannerNames.Secrets,
    };

    /// <summary>The id an advisory URL ends in: <c>https://github.com/advisories/GHSA-x</c> → <c>GHSA-x</c>.</summary>
    public static string AdvisoryId(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 ? uri.Segments[^1].Trim('/') : url;

    private static string Title(string title, string? package, string? installed, string? fixedIn) =>
        package is null ? title : $"{package} {installed}: {title}{(fixedIn is null ? " (no fix yet)" : $" (fixed in {fixedIn})")}";
}
