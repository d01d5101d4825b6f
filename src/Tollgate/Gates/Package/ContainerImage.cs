namespace Tollgate.Gates.Package;

/// <summary>An image to build: the project it comes from, its Dockerfile, and the repository it is named in.</summary>
/// <param name="Project">The project file.</param>
/// <param name="Dockerfile">The Dockerfile beside it.</param>
/// <param name="Repository">The image repository, e.g. <c>registry.local:5000/shop-api</c>.</param>
internal sealed record ContainerImage(string Project, string Dockerfile, string Repository)
{
    /// <summary>The images of the projects that have a <c>Dockerfile</c> beside their project file, named <c>[registry/]project-name</c> in lower case.</summary>
    public static IReadOnlyList<ContainerImage> Of(IEnumerable<string> projects, string? registry) =>
        projects.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(p => (Project: p, Dockerfile: Path.Combine(Path.GetDirectoryName(p)!, "Dockerfile")))
            .Where(p => File.Exists(p.Dockerfile))
            .Select(p => new ContainerImage(p.Project, p.Dockerfile, Name(registry, Path.GetFileNameWithoutExtension(p.Project))))
            .ToList();

    /// <summary>The OCI annotations every image carries, as labels.</summary>
    public static IReadOnlyDictionary<string, string> Labels(BuildVersion version, string title, string? source)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["org.opencontainers.image.revision"] = version.Sha,
            ["org.opencontainers.image.version"] = version.NuGetVersion,
            ["org.opencontainers.image.title"] = title,
        };
        if (source is not null)
        {
            labels["org.opencontainers.image.source"] = source;
        }

        return labels;
    }

    private static string Name(string? registry, string project)
    {
        var name = string.Concat(project.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
        return registry is null ? name : $"{registry.TrimEnd('/')}/{name}";
    }
}
