using Tollgate.IO;
using Tollgate.Tools.Assemblies;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Stryker;

namespace Tollgate.Gates.Shards;

/// <summary>
/// The units split work is made of. A test project is one unit, unless it alone weighs more than a shard's share, when
/// each of its test classes is one (so one big project still spreads); likewise a project to mutate, split into its
/// source files. Sizes: tests per project or class (from the built assembly's metadata), source lines per project or file.
/// </summary>
internal static class ShardUnits
{
    /// <summary>The test units of the built test projects for <paramref name="total"/> shards.</summary>
    public static IReadOnlyList<ShardUnit> Tests(string root, IReadOnlyList<ProjectInfo> built, int total)
    {
        var projects = built.Where(p => p.IsTestProject).GroupBy(p => p.Project)
            .Select(g => (Project: PortablePath.Relative(root, g.Key), Classes: File.Exists(g.First().TargetPath) ? TestClassReader.Read(g.First().TargetPath) : []))
            .OrderBy(p => p.Project, StringComparer.Ordinal)
            .ToList();
        var share = (double)projects.Sum(p => p.Classes.Sum(c => c.Tests)) / Math.Max(1, total);
        return projects.SelectMany(p => total > 1 && p.Classes.Count > 1 && p.Classes.Sum(c => c.Tests) > share
                ? p.Classes.Select(c => new ShardUnit(ShardWork.Test, p.Project, c.FullName, c.Tests))
                : [new ShardUnit(ShardWork.Test, p.Project, null, Math.Max(1, p.Classes.Sum(c => c.Tests)))])
            .ToList();
    }

    /// <summary>
    /// The mutation units of <paramref name="projects"/> (full paths of the projects Stryker mutates) for <paramref name="total"/>
    /// shards: only the files the run's <c>--mutation-mutate</c> patterns leave to Stryker, so that the shards together mutate
    /// what one agent would.
    /// </summary>
    public static IReadOnlyList<ShardUnit> Mutation(string root, IReadOnlyList<string> projects, int total, IReadOnlyList<string>? mutate = null)
    {
        var sources = projects.Distinct().Order(StringComparer.Ordinal)
            .Select(p => (Project: PortablePath.Relative(root, p), Files: SourceFiles(root, Path.GetDirectoryName(p)!)
                .Where(f => StrykerGlob.Mutated(mutate ?? [], Path.GetRelativePath(Path.GetDirectoryName(p)!, Path.Combine(root, f.File)).Replace('\\', '/'))).ToList()))
            .ToList();
        var share = (double)sources.Sum(p => p.Files.Sum(f => f.Lines)) / Math.Max(1, total);
        return sources.SelectMany(p => total > 1 && p.Files.Count > 1 && p.Files.Sum(f => f.Lines) > share
                ? p.Files.Select(f => new ShardUnit(ShardWork.Mutation, p.Project, f.File, f.Lines))
                : [new ShardUnit(ShardWork.Mutation, p.Project, null, Math.Max(1, p.Files.Sum(f => f.Lines)))])
            .ToList();
    }

    // The project's own C# files (not bin/ or obj/), repository-relative, with their non-blank line counts.
    private static List<(string File, int Lines)> SourceFiles(string root, string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(f => (PortablePath.Relative(root, f), File.ReadLines(f).Count(l => !string.IsNullOrWhiteSpace(l))))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
}
