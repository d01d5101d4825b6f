namespace Tollgate.Tools.Trivy;

/// <summary>One entry of a Trivy JSON report, typed. A secret's matched text is never kept.</summary>
/// <param name="Class">What Trivy found: <c>vulnerability</c>, <c>misconfiguration</c> or <c>secret</c>.</param>
/// <param name="Target">The file, lock file or image layer Trivy names as the result's target.</param>
/// <param name="Id">The advisory, check or secret rule id.</param>
/// <param name="Severity">Trivy's severity, upper case (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL).</param>
/// <param name="Title">Its one-line title.</param>
/// <param name="Package">The vulnerable package, for vulnerabilities.</param>
/// <param name="InstalledVersion">The package version found.</param>
/// <param name="FixedVersion">The versions that fix it, when Trivy knows them.</param>
/// <param name="Line">The first line, for misconfigurations and secrets.</param>
/// <param name="Url">The advisory or check documentation.</param>
internal sealed record TrivyFinding(
    string Class, string Target, string Id, string Severity, string Title,
    string? Package = null, string? InstalledVersion = null, string? FixedVersion = null, int? Line = null, string? Url = null);
