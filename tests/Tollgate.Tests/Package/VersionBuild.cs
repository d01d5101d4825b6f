namespace Tollgate.Tests.Package;

/// <summary>A repository's build that only versions.</summary>
public sealed class VersionBuild : TollgateBuild, IHazVersion;
