namespace Tollgate.Tests.Support;

/// <summary>
/// Integration tests that run real tools on copies of fixture repositories, in three groups of about equal length
/// that run side by side (each copy is a repository of its own; shared tool folders are guarded by an install lock):
/// single gates on the sample (<see cref="GateRunsCollection"/>), whole runs compared with bare tools or across CI
/// hosts (<see cref="WholeRunsCollection"/>), and what a pipeline does around the gates — adoption, packages, split
/// runs, pull requests (<see cref="PipelineRunsCollection"/>).
/// </summary>
[CollectionDefinition(nameof(GateRunsCollection))]
public sealed class GateRunsCollection;

/// <inheritdoc cref="GateRunsCollection"/>
[CollectionDefinition(nameof(WholeRunsCollection))]
public sealed class WholeRunsCollection;

/// <inheritdoc cref="GateRunsCollection"/>
[CollectionDefinition(nameof(PipelineRunsCollection))]
public sealed class PipelineRunsCollection;
