namespace Tollgate.Tools.NuGet;

/// <summary>A package NuGet's audit marks vulnerable in one project and framework.</summary>
/// <param name="Project">The project file, as NuGet names it.</param>
/// <param name="Framework">The target framework.</param>
/// <param name="Id">The package id.</param>
/// <param name="ResolvedVersion">The version restored.</param>
/// <param name="Transitive">Whether it comes in through another package.</param>
/// <param name="Severity">NuGet's severity: Low, Moderate, High or Critical.</param>
/// <param name="AdvisoryUrl">The advisory.</param>
internal sealed record VulnerablePackage(string Project, string Framework, string Id, string ResolvedVersion, bool Transitive, string Severity, string AdvisoryUrl);
