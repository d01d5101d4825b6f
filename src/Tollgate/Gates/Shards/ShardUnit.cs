namespace Tollgate.Gates.Shards;

/// <summary>What a shard can be given to do.</summary>
internal enum ShardWork
{
    /// <summary>Run tests: a test project, or some of its test classes.</summary>
    Test,

    /// <summary>Mutate code: a project, or some of its source files.</summary>
    Mutation,
}

/// <summary>
/// One indivisible piece of split work: a whole test project, one test class of a large project, a whole project to mutate,
/// or one source file of a large one. <see cref="Key"/> is stable across runs (what timings are recorded under).
/// </summary>
/// <param name="Work">Tests or mutation.</param>
/// <param name="Project">The project, repository-relative.</param>
/// <param name="Part">The test class's full name or the source file (repository-relative); null for the whole project.</param>
/// <param name="Size">What the unit weighs without history: its tests, or its source lines.</param>
internal sealed record ShardUnit(ShardWork Work, string Project, string? Part, double Size)
{
    /// <summary><c>test:tests/A.Tests/A.Tests.csproj</c>, <c>test:tests/A.Tests/A.Tests.csproj#Ns.Class</c>, <c>mutation:src/A/A.csproj#src/A/B.cs</c>.</summary>
    public string Key => $"{Work.ToString().ToLowerInvariant()}:{Project}{(Part is null ? "" : "#" + Part)}";
}
