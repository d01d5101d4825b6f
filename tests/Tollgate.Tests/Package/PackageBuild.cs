using Tollgate.Tests.Support;

namespace Tollgate.Tests.Package;

/// <summary>A repository's build that packages.</summary>
public sealed class PackageBuild : TollgateBuild, IPackage, IVerify, IUseSharedTools;
