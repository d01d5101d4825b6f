namespace Tollgate.Gates.Test;

/// <summary>One <c>dotnet test</c> Tollgate runs: a test project for one of its target frameworks.</summary>
/// <param name="Project">The project's full path.</param>
/// <param name="Framework">The target framework.</param>
/// <param name="CollectorPath">Where Tollgate's own coverlet.collector is, for a project that references none; null: the project's own.</param>
/// <param name="Filter">A VSTest filter choosing the tests to run (a shard's test classes, a build's own filter); null: all.</param>
internal sealed record TestRun(string Project, string Framework, string? CollectorPath, string? Filter = null);
