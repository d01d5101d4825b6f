namespace Tollgate.Tests.Support;

/// <summary>
/// Integration tests that run real tools on copies of fixture repositories, in three groups of about equal length
/// (measured: 11-12 min of test time each on a busy machine) that run side by side; each copy is a repository of its
/// own and shared tool folders are guarded by an install lock: single gates on the sample
/// (<see cref="GateRunsCollection"/>); whole runs compared across CI hosts and on a real library, pull-request
/// reports and split test runs (<see cref="WholeRunsCollection"/>); and what a pipeline does around the gates —
/// adoption from a package feed, packages, shipped-artifact scans, merged shards (<see cref="PipelineRunsCollection"/>).
/// </summary>
[CollectionDefinition(nameof(GateRunsCollection))]
public sealed class GateRunsCollection;

/// <inheritdoc cref="GateRunsCollection"/>
[CollectionDefinition(nameof(WholeRunsCollection))]
public sealed class WholeRunsCollection;

/// <inheritdoc cref="GateRunsCollection"/>
[CollectionDefinition(nameof(PipelineRunsCollection))]
public sealed class PipelineRunsCollection;

/// <summary>The two test platforms on the platforms fixture: a collection of its own, as long as the others are already.</summary>
[CollectionDefinition(nameof(PlatformRunsCollection))]
public sealed class PlatformRunsCollection;

/// <summary>Gates run twice and more against one result cache: a collection of its own.</summary>
[CollectionDefinition(nameof(CacheRunsCollection))]
public sealed class CacheRunsCollection;
