using Tollgate.Tests.Support;

namespace Tollgate.Tests.Shards;

/// <summary>A repository's build whose gates can be split over shards.</summary>
public sealed class ShardBuild : TollgateBuild, ILint, ICoverage, IMutation, IPackage, IMergeEvidence, IVerify, IUseSharedTools;
