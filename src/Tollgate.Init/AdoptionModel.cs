namespace Tollgate.Init;

/// <summary>What the user asked for.</summary>
/// <param name="Solution">The solution CI builds, when the root holds several (or none).</param>
/// <param name="Ci">The CI host to write a workflow for: github-actions, gitlab-ci, azure-pipelines or jenkins.</param>
internal sealed record AdoptionOptions(string? Solution, string? Ci);

/// <summary>One file the adoption created, kept or wrote beside another, and why.</summary>
internal sealed record AdoptionStep(string File, string Action, string Why);

/// <summary>What the adoption found and did, and the command to run next.</summary>
internal sealed record AdoptionReport(
    string Solution, IReadOnlyList<string> TestProjects, IReadOnlyList<string> WithoutCollector, IReadOnlyList<AdoptionStep> Steps, string Next)
{
    /// <summary>The report as the console shows it.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"Solution: {Solution}";
        yield return $"Test projects: {(TestProjects.Count == 0 ? "none found (Test will say \"no tests ran\")" : string.Join(", ", TestProjects))}";
        foreach (var project in WithoutCollector)
        {
            yield return $"  {project} has no coverage collector: add <PackageReference Include=\"coverlet.collector\" /> so the Coverage gate can measure it.";
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
