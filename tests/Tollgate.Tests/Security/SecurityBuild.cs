namespace Tollgate.Tests.Security;

/// <summary>A repository's build with the SecurityScan gate.</summary>
public sealed class SecurityBuild : TollgateBuild, ISecurityScan;
