using Tollgate.IO;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Mutation;

/// <summary>
/// Which projects Stryker mutates, with which test projects and framework. By default: every non-test project a
/// test project references, directly or through other projects; the others (samples, tools no test reaches) are
/// listed as not mutated, with the reason. <c>--mutation-projects</c> narrows the default by file name. Each
/// mutated project is tested by the test projects that reach it, for the framework Tollgate built and tested it
/// in: the highest one a test project of it also targets (else its highest).
/// </summary>
/// <param name="Mutated">The projects to mutate.</param>
/// <param name="NotMutated">The others, with the reason.</param>
internal sealed record MutationScope(IReadOnlyList<MutationTarget> Mutated, IReadOnlyList<(string Project, string Reason)> NotMutated)
{
    /// <summary>The scope among the projects of the build.</summary>
    public static MutationScope Of(IReadOnlyList<ProjectInfo> built, IReadOnlyList<string> patterns, string root)
    {
        var byProject = built.GroupBy(p => p.Project).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var tests = byProject.Where(p => p.Value.Any(f => f.IsTestProject)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var reachedBy = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            foreach (var reached in Reachable(test, byProject))
            {
                (reachedBy.TryGetValue(reached, out var set) ? set : reachedBy[reached] = new SortedSet<string>(StringComparer.Ordinal)).Add(test);
            }
        }

        var mutated = new List<MutationTarget>();
        var notMutated = new List<(string, string)>();
        foreach (var (project, frameworks) in byProject.Where(p => !tests.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var relative = PortablePath.Relative(root, project);
            if (patterns.Count > 0 && !FileNamePatterns.Matches(patterns, project))
            {
                notMutated.Add((relative, $"not named by --mutation-projects {string.Join(" ", patterns)}"));
            }
            else if (!reachedBy.TryGetValue(project, out var testers))
            {
                notMutated.Add((relative, "no test project references it"));
            }
            else
            {
                var testFrameworks = testers.SelectMany(t => byProject[t].Select(f => f.Framework)).ToHashSet(StringComparer.Ordinal);
                var own = frameworks.Select(f => f.Framework).Distinct().OrderByDescending(TargetFrameworks.Rank).ToList();
                mutated.Add(new MutationTarget(project, [.. testers], own.FirstOrDefault(testFrameworks.Contains) ?? own[0], own.Count > 1));
            }
        }

        return new MutationScope(mutated, notMutated);
    }

    // Every project reachable from a project through project references, the project itself left out.
    private static IEnumerable<string> Reachable(string start, IReadOnlyDictionary<string, List<ProjectInfo>> projects)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Stack<string>([start]);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            foreach (var reference in projects.TryGetValue(next, out var frameworks) ? frameworks.SelectMany(f => f.ProjectReferences) : [])
            {
                if (seen.Add(reference))
                {
                    pending.Push(reference);
                    yield return reference;
                }
            }
        }
    }
}

/// <summary>One project Stryker mutates.</summary>
/// <param name="Project">Its full path.</param>
/// <param name="TestProjects">The test projects that reach it (full paths).</param>
/// <param name="Framework">The framework to build and test it in.</param>
/// <param name="MultiTargeted">Whether it targets several frameworks (Stryker is then told which).</param>
internal sealed record MutationTarget(string Project, IReadOnlyList<string> TestProjects, string Framework, bool MultiTargeted);
