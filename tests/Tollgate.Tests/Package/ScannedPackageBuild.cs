using Tollgate.Tests.Support;

namespace Tollgate.Tests.Package;

/// <summary>A repository's build that packages and has a SecurityScan: what it ships is scanned before it is published.</summary>
public sealed class ScannedPackageBuild : TollgateBuild, IPackage, ISecurityScan, IUseSharedTools;
