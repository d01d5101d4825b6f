using System.Text;
using System.Text.Json.Nodes;
using Tollgate.Gates.Cache;
using Tollgate.IO;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Lint;

/// <summary>
/// Lint's units in the result cache: <c>dotnet format</c>'s verdict on one project's files. A project's key holds its files
/// and those of the projects it references (analyzers read their types), the build files above them (<c>.editorconfig</c>
/// among them), resolved packages (analyzer versions), the SDK (dotnet format's version) and the run's properties. A
/// stored unit is the project's part of the format report; <c>dotnet format</c> then checks only the projects not reused
/// (<c>--include</c> their folders), and the report the gate reads is the two put together. The compiler's own diagnostics
/// come from the build's logs, read every run.
/// </summary>
internal sealed class LintCache(CacheContext context, string root, IReadOnlyList<ProjectInfo> built, IReadOnlyList<string> properties)
{
    private const string SliceFile = "format-report.json";

    /// <summary>The projects checked, each once.</summary>
    public IReadOnlyList<string> Projects { get; } = built.Select(p => p.Project).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>The unit name of a project.</summary>
    public string UnitOf(string project) => PortablePath.Relative(root, project);

    /// <summary>What a project's format verdict depends on.</summary>
    public KeyIngredients Ingredients(string project) => context.Base(LintGate.Name)
        .Add(context.Sources.OfProjectClosure(project, built))
        .Add("sdk", built.First(p => p.Project == project).Sdk)
        .AddDigest("properties", string.Join('\n', properties));

    /// <summary>The stored verdicts found, by project.</summary>
    public async Task<IReadOnlyDictionary<string, CacheEntry>> FindAsync(CancellationToken cancellation)
    {
        var found = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        foreach (var project in Projects)
        {
            if (await context.Cache.ReadAsync(LintGate.Name, UnitOf(project), context.Cache.Measure(() => Ingredients(project)), cancellation).ConfigureAwait(false) is { } entry)
            {
                found[project] = entry;
            }
        }

        return found;
    }

    /// <summary>The folders <c>dotnet format --include</c> is given for the projects not reused, relative to the root.</summary>
    public IReadOnlyList<string> Include(IEnumerable<string> projects) =>
        projects.Select(p => PortablePath.Relative(root, Path.GetDirectoryName(p)!) is "." or "" ? "./" : PortablePath.Relative(root, Path.GetDirectoryName(p)!) + "/").ToList();

    /// <summary>Stores each of <paramref name="projects"/>' part of the format report dotnet format wrote.</summary>
    public async Task StoreAsync(IEnumerable<string> projects, string report, CancellationToken cancellation)
    {
        var files = JsonNode.Parse(File.ReadAllText(report)) as JsonArray ?? [];
        foreach (var project in projects)
        {
            var slice = new JsonArray(files.OfType<JsonObject>().Where(f => OwnerOf(f["FilePath"]?.GetValue<string>()) == project).Select(Portable).ToArray<JsonNode?>());
            await context.Cache.WriteAsync(LintGate.Name, UnitOf(project), context.Cache.Measure(() => Ingredients(project)), new Dictionary<string, string>(), new Dictionary<string, byte[]>
            {
                [SliceFile] = Encoding.UTF8.GetBytes(slice.ToJsonString()),
            }, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the whole report to <paramref name="report"/>: dotnet format's (when it ran) with the reused projects' parts.</summary>
    public void Combine(string? ran, IReadOnlyDictionary<string, CacheEntry> reused, string report)
    {
        var files = ran is not null && File.Exists(ran) && JsonNode.Parse(File.ReadAllText(ran)) is JsonArray read ? read : [];
        foreach (var entry in reused.Values)
        {
            foreach (var file in (JsonNode.Parse(entry.Files[SliceFile]) as JsonArray ?? []).OfType<JsonObject>())
            {
                file["FilePath"] = Path.Combine(root, file["FilePath"]!.GetValue<string>());
                files.Add(file.DeepClone());
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        AtomicFile.Write(report, files.ToJsonString());
    }

    // The project a file belongs to: the one whose folder is the nearest above it.
    private string? OwnerOf(string? path) => path is null ? null
        : Projects.Where(p => path.StartsWith(Path.GetDirectoryName(p)! + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(p => p.Length).FirstOrDefault();

    private JsonNode Portable(JsonObject file)
    {
        var copy = (JsonObject)file.DeepClone();
        copy["FilePath"] = PortablePath.Relative(root, file["FilePath"]!.GetValue<string>());
        return copy;
    }
}
