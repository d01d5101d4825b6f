using System.IO.Enumeration;
using System.Text.Json;
using System.Xml.Linq;
using Tollgate.IO;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// The projects a run works on, chosen once for every gate: the solution's (or a <c>.slnf</c> solution filter's),
/// narrowed by <c>--projects</c> and <c>--exclude-projects</c> patterns, each matched against the project's file name
/// and its repository-relative path (<c>*.IntegrationTests.csproj</c>, <c>samples/*</c>). When anything is left
/// out, the build gets a solution of the chosen projects that Tollgate writes under <c>.nuke/temp/</c>.
/// </summary>
/// <param name="Solution">The solution, filter or project the user named (or the one at the root).</param>
/// <param name="Included">The chosen projects' full paths.</param>
/// <param name="Excluded">The solution's other projects, repository-relative, each with the reason.</param>
internal sealed record ProjectSelection(string Solution, IReadOnlyList<string> Included, IReadOnlyList<(string Project, string Reason)> Excluded)
{
    /// <summary>Chooses among the projects of <paramref name="solution"/>.</summary>
    public static ProjectSelection Of(string root, string solution, IReadOnlyList<string> projects, IReadOnlyList<string> excluded)
    {
        var all = Path.GetExtension(solution).Equals(".slnf", StringComparison.OrdinalIgnoreCase) ? Filter(solution) : (All: SolutionProjects.Of(solution), Out: []);
        var included = new List<string>();
        var left = new List<(string, string)>(all.Out.Select(p => (PortablePath.Relative(root, p), $"not in the solution filter {Path.GetFileName(solution)}")));
        foreach (var project in all.All)
        {
            var relative = PortablePath.Relative(root, project);
            if (projects.Count > 0 && !Matches(projects, relative))
            {
                left.Add((relative, $"not named by --projects {string.Join(" ", projects)}"));
            }
            else if (Matches(excluded, relative))
            {
                left.Add((relative, $"excluded by --exclude-projects {string.Join(" ", excluded)}"));
            }
            else
            {
                included.Add(project);
            }
        }

        return new ProjectSelection(solution, included, left.OrderBy(l => l.Item1, StringComparer.Ordinal).ToList());
    }

    /// <summary>True when the solution is built as it is.</summary>
    public bool IsWhole => Excluded.Count == 0 && !Path.GetExtension(Solution).Equals(".slnf", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the build builds: the solution itself, or a solution of the chosen projects written into <paramref name="directory"/>.</summary>
    public string BuildTarget(string directory)
    {
        if (IsWhole)
        {
            return Solution;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Path.GetFileNameWithoutExtension(Solution) + ".selected.slnx");
        var document = new XDocument(new XElement("Solution", Included.Select(p => new XElement("Project", new XAttribute("Path", PortablePath.Relative(directory, p))))));
        AtomicFile.Write(path, document.ToString() + "\n");
        return path;
    }

    /// <summary>
    /// The properties MSBuild gives every project of a solution build (<c>SolutionDir</c>, <c>SolutionName</c>, …), as the
    /// repository's own solution gives them, for a build of the selection Tollgate writes elsewhere: a project that packs
    /// <c>$(SolutionDir)img/icon.png</c> finds it. None when the solution itself is built, or a project was named.
    /// </summary>
    public IReadOnlyList<string> SolutionProperties()
    {
        var extension = Path.GetExtension(Solution);
        if (IsWhole || extension.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var solution = extension.Equals(".slnf", StringComparison.OrdinalIgnoreCase) ? FilteredSolution(Solution) : Path.GetFullPath(Solution);
        var directory = Path.GetDirectoryName(solution)!;
        return
        [
            $"SolutionDir={directory.TrimEnd(Path.DirectorySeparatorChar)}{Path.DirectorySeparatorChar}", $"SolutionName={Path.GetFileNameWithoutExtension(solution)}",
            $"SolutionFileName={Path.GetFileName(solution)}", $"SolutionPath={solution}", $"SolutionExt={Path.GetExtension(solution)}",
        ];
    }

    /// <summary>A repository-relative file lies in the folder of a project that is left out.</summary>
    public bool InExcludedProject(string root, string file) =>
        Excluded.Any(e => Path.GetDirectoryName(e.Project) is { Length: > 0 } folder && file.StartsWith(folder.Replace('\\', '/') + "/", StringComparison.Ordinal)
            && !Included.Any(i => PortablePath.Relative(root, i) is var kept && Path.GetDirectoryName(kept) is { Length: > 0 } keptFolder
                && keptFolder.Length > folder.Length && file.StartsWith(keptFolder.Replace('\\', '/') + "/", StringComparison.Ordinal)));

    private static bool Matches(IReadOnlyList<string> patterns, string relative) =>
        FileNamePatterns.Matches(patterns, relative) || patterns.Any(p => FileSystemName.MatchesSimpleExpression(p, relative));

    // The solution a .slnf filters, as a full path.
    private static string FilteredSolution(string filter)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(filter), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        return Path.GetFullPath(document.RootElement.GetProperty("solution").GetProperty("path").GetString()!.Replace('\\', '/'), Path.GetDirectoryName(Path.GetFullPath(filter))!);
    }

    // A .slnf: {"solution": {"path": "X.sln", "projects": ["src\\A\\A.csproj", …]}}, paths relative to the solution's folder.
    private static (IReadOnlyList<string> All, IReadOnlyList<string> Out) Filter(string filter)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(filter), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var node = document.RootElement.GetProperty("solution");
        var solution = FilteredSolution(filter);
        var folder = Path.GetDirectoryName(solution)!;
        var chosen = node.GetProperty("projects").EnumerateArray().Select(p => Path.GetFullPath(p.GetString()!.Replace('\\', '/'), folder)).ToHashSet(StringComparer.Ordinal);
        var all = SolutionProjects.Of(solution);
        return (all.Where(chosen.Contains).ToList(), all.Where(p => !chosen.Contains(p)).ToList());
    }
}
