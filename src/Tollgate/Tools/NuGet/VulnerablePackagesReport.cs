namespace Tollgate.Tools.NuGet;

/// <summary>What <c>dotnet list package --vulnerable --format json</c> reported.</summary>
/// <param name="Sources">The sources NuGet asked for vulnerability data.</param>
/// <param name="Problems">Errors and warnings NuGet reported instead of data.</param>
/// <param name="Packages">Every vulnerable package, per project and framework.</param>
internal sealed record VulnerablePackagesReport(IReadOnlyList<string> Sources, IReadOnlyList<string> Problems, IReadOnlyList<VulnerablePackage> Packages);
