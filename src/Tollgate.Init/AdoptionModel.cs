namespace Tollgate.Init;

/// <summary>What the user asked for.</summary>
/// <param name="Solution">The solution CI builds, when the root holds several (or none).</param>
/// <param name="Ci">The CI host to write a workflow for: github-actions, gitlab-ci, azure-pipelines or jenkins.</param>
/// <param name="Source">The NuGet feed Tollgate comes from, when it is not one the repository already restores from.</param>
internal sealed record AdoptionOptions(string? Solution, string? Ci, string? Source = null);

/// <summary>One file the adoption created, kept or wrote beside another, and why.</summary>
internal sealed record AdoptionStep(string File, string Action, string Why);

/// <summary>One test project the adoption found, as the Test gate will run it.</summary>
/// <param name="Project">Its path, relative to the root, with forward slashes.</param>
/// <param name="Platform">The platform its tests run on.</param>
/// <param name="HasCollector">Whether it references the coverage extension of its platform (coverlet.collector, coverlet.MTP).</param>
internal sealed record TestProjectKind(string Project, Tollgate.Tools.Dotnet.TestPlatform Platform, bool HasCollector)
{
    /// <summary>"tests/A.Tests/A.Tests.csproj (Microsoft.Testing.Platform)".</summary>
    public override string ToString() => Platform == Tollgate.Tools.Dotnet.TestPlatform.TestingPlatform ? $"{Project} (Microsoft.Testing.Platform)" : Project;
}

/// <summary>What the adoption found and did, and the command to run next.</summary>
internal sealed record AdoptionReport(string Solution, IReadOnlyList<TestProjectKind> Tests, IReadOnlyList<AdoptionStep> Steps, string Next)
{
    /// <summary>The test projects' paths.</summary>
    public IReadOnlyList<string> TestProjects => Tests.Select(t => t.Project).ToList();

    /// <summary>The test projects that reference no coverage extension of their platform (the Coverage gate supplies one).</summary>
    public IReadOnlyList<string> WithoutCollector => Tests.Where(t => !t.HasCollector).Select(t => t.Project).ToList();

    /// <summary>The report as the console shows it.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"Solution: {Solution}";
        yield return $"Test projects: {(Tests.Count == 0 ? "none found (Test will say \"no tests ran\")" : string.Join(", ", Tests))}";
        foreach (var test in Tests.Where(t => !t.HasCollector))
        {
            yield return test.Platform == Tollgate.Tools.Dotnet.TestPlatform.VSTest
                ? $"  {test.Project} has no coverage collector: the Test gate runs Tollgate's pinned coverlet.collector with it (nothing to add)."
                : $"  {test.Project} has no coverlet.MTP: Tollgate compiles its pinned one into the test application's build (nothing to add; it needs Microsoft.Testing.Platform 2 or later).";
        }

        foreach (var step in Steps)
        {
            yield return $"  {step.Action,-15} {step.File}{(step.Why.Length == 0 ? "" : $"  ({step.Why})")}";
        }

        yield return $"Next: {Next}   (then commit build/ or tollgate/, the scripts, .nuke/ and .gitignore)";
    }
}

/// <summary>The repository cannot be adopted as it is; the message says why and what to do.</summary>
internal sealed class AdoptionException(string message) : Exception(message);
