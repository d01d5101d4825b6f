using Tollgate.Gates.Cache;
using Tollgate.IO;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Package;

/// <summary>
/// Package's units in the result cache: the NuGet packages of one pack, and each project's SBOM. A pack's key holds every
/// packed project with the projects it references (transitively), the build files above them and their packages, the SDK, the
/// version properties (the commit is among them, so a package is only ever reused for the commit it was made from), the run's
/// properties and the pack command lines as the hook left them; an SBOM's key holds its project's, the version and the
/// CycloneDX version and command. Packing is reproducible (every entry has one fixed time), so a reused package has the bytes a
/// fresh pack gives. Containers are built every time: their base images are not content the key can hold.
/// </summary>
internal sealed class PackageCache(CacheContext context, string root, IReadOnlyList<ProjectInfo> built)
{
    /// <summary>The pack's unit name.</summary>
    public const string PackUnit = "packages";

    private readonly List<CacheEntry> reused = [];

    /// <summary>The entries this run reused.</summary>
    public IReadOnlyList<CacheEntry> Reused => reused;

    /// <summary>An SBOM's unit name.</summary>
    public static string SbomUnit(string name) => $"sbom {name}";

    /// <summary>What a pack of <paramref name="projects"/> with <paramref name="runs"/> (one per target) depends on.</summary>
    public KeyIngredients PackIngredients(IEnumerable<string> projects, IReadOnlyList<ToolSettings> runs, BuildVersion version) => context.Cache.Measure(() =>
    {
        var ingredients = Projects(projects).AddDigest("version", string.Join('\n', version.MSBuildProperties));
        for (var i = 0; i < runs.Count; i++)
        {
            ingredients.AddCommand($"pack:{i}", runs[i], root);
        }

        return ingredients;
    });

    /// <summary>What the SBOM of <paramref name="project"/> written by <paramref name="run"/> depends on.</summary>
    public KeyIngredients SbomIngredients(string project, ToolSettings run, string toolVersion, string version) => context.Cache.Measure(() =>
        Projects([project]).Add("version", version).Add("tool:CycloneDX", toolVersion).AddCommand("command", run, root));

    /// <summary>Writes the files stored for <paramref name="unit"/> below <paramref name="directory"/>; false on a miss.</summary>
    public async Task<bool> RestoreAsync(string unit, KeyIngredients ingredients, string directory, CancellationToken cancellation)
    {
        if (await context.Cache.ReadAsync(PackageStep.Name, unit, ingredients, cancellation).ConfigureAwait(false) is not { } entry)
        {
            return false;
        }

        entry.Restore(directory);
        reused.Add(entry);
        return true;
    }

    /// <summary>Stores <paramref name="files"/> (relative to <paramref name="directory"/>) as <paramref name="unit"/>.</summary>
    public Task StoreAsync(string unit, KeyIngredients ingredients, string directory, IEnumerable<string> files, CancellationToken cancellation) =>
        context.Cache.WriteAsync(PackageStep.Name, unit, ingredients, new Dictionary<string, string>(),
            files.ToDictionary(f => PortablePath.Relative(directory, f), File.ReadAllBytes, StringComparer.Ordinal), cancellation);

    private KeyIngredients Projects(IEnumerable<string> projects)
    {
        var ingredients = context.Base(PackageStep.Name);
        foreach (var project in projects.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            ingredients.Add(context.Sources.OfProjectClosure(project, built)).Add("sdk:" + PortablePath.Relative(root, project), built.FirstOrDefault(p => p.Project == project)?.Sdk);
        }

        return ingredients;
    }

    // A run as every checkout renders it: the root stands for itself; environment variables (which may hold a secret) by name and digest only.
}
