using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tollgate.IO;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Cache;

/// <summary>
/// The content a project's result can depend on, as key ingredients: every file in its folder and in the folders of the
/// projects it references, transitively (sources, the project file, resources, lock files, runner settings; not
/// <c>bin</c>, <c>obj</c>, tool outputs or hidden folders), the repository files above them that MSBuild and the tools read
/// (<c>Directory.Build.*</c>, <c>Directory.Packages.props</c>, <c>global.json</c>, <c>.editorconfig</c>, <c>nuget.config</c>, …),
/// and the package versions restore resolved (<c>obj/project.assets.json</c>). Paths are relative to the root; digests are
/// of content, each file read once per run.
/// </summary>
internal sealed class SourceDigests(string root)
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "TestResults", "StrykerOutput", "node_modules", "artifacts" };

    private static readonly HashSet<string> RepositoryFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp", "Directory.Packages.props", "Directory.Solution.props",
        "global.json", ".editorconfig", ".globalconfig", "nuget.config", "packages.lock.json", "testconfig.json", "xunit.runner.json", ".runsettings",
    };

    private readonly ConcurrentDictionary<string, string> digests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, KeyIngredients> projects = new(StringComparer.Ordinal);

    /// <summary>The repository root paths are relative to.</summary>
    public string Root { get; } = root;

    /// <summary>The SHA-256 of a file's content.</summary>
    public string Of(string path) => digests.GetOrAdd(path, FileDigest.Sha256);

    /// <summary>The ingredients of <paramref name="project"/> and every project it references, transitively, as <paramref name="built"/> says.</summary>
    public KeyIngredients OfProjectClosure(string project, IReadOnlyList<ProjectInfo> built)
    {
        var ingredients = new KeyIngredients();
        foreach (var member in Closure(project, built))
        {
            ingredients.Add(OfProject(member));
        }

        return ingredients;
    }

    /// <summary>The projects <paramref name="project"/> builds on, itself first, transitively.</summary>
    public static IReadOnlyList<string> Closure(string project, IReadOnlyList<ProjectInfo> built)
    {
        var references = built.GroupBy(p => p.Project, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(p => p.ProjectReferences).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var seen = new List<string>();
        var queue = new Queue<string>([Path.GetFullPath(project)]);
        while (queue.TryDequeue(out var next))
        {
            if (seen.Contains(next, StringComparer.Ordinal))
            {
                continue;
            }

            seen.Add(next);
            foreach (var reference in references.GetValueOrDefault(next) ?? [])
            {
                queue.Enqueue(reference);
            }
        }

        return seen;
    }

    /// <summary>One project's ingredients: its folder's files, the repository files above it, its resolved packages.</summary>
    public KeyIngredients OfProject(string project) => projects.GetOrAdd(Path.GetFullPath(project), full =>
    {
        var ingredients = new KeyIngredients();
        var folder = Path.GetDirectoryName(full)!;
        foreach (var file in FilesBelow(folder))
        {
            ingredients.Add("file:" + PortablePath.Relative(Root, file), Of(file));
        }

        for (var above = Path.GetDirectoryName(folder); above is not null && IsWithinRoot(above); above = Path.GetDirectoryName(above))
        {
            foreach (var file in Directory.EnumerateFiles(above).Where(f => RepositoryFiles.Contains(Path.GetFileName(f)) || f.EndsWith(".runsettings", StringComparison.OrdinalIgnoreCase)))
            {
                ingredients.Add("file:" + PortablePath.Relative(Root, file), Of(file));
            }
        }

        ingredients.Add("packages:" + PortablePath.Relative(Root, full), ResolvedPackages(folder));
        return ingredients;
    });

    /// <summary>The files a project folder holds, without build outputs, tool outputs and hidden folders.</summary>
    public static IEnumerable<string> FilesBelow(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedFolders.Contains(name) || new DirectoryInfo(sub).LinkTarget is not null)
            {
                continue;
            }

            foreach (var file in FilesBelow(sub))
            {
                yield return file;
            }
        }
    }

    // The packages restore resolved for a project (name/version, every framework), as one digest; "none" before a restore.
    private static string ResolvedPackages(string folder)
    {
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            return "none";
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(assets));
            IEnumerable<string> libraries = document.RootElement.TryGetProperty("libraries", out var found) && found.ValueKind == JsonValueKind.Object
                ? found.EnumerateObject().Where(l => !(l.Value.TryGetProperty("type", out var type) && type.GetString() == "project")).Select(l => l.Name).Order(StringComparer.Ordinal)
                : [];
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', libraries))));
        }
        catch (JsonException)
        {
            return "unreadable";
        }
    }

    private bool IsWithinRoot(string folder)
    {
        var relative = Path.GetRelativePath(Root, folder);
        return relative == "." || !(relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative));
    }
}
