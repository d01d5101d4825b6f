namespace Tollgate.Tools.Dotnet;

/// <summary>Reads the projects of a solution from <c>dotnet sln list</c>.</summary>
public static class SolutionProjects
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    /// <summary>The full paths of the projects listed in <paramref name="listing"/> (the output of <c>dotnet sln list</c>).</summary>
    public static IReadOnlyList<string> Parse(string listing, string solutionDirectory) =>
        listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => ProjectExtensions.Any(e => line.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Select(line => Path.GetFullPath(Path.Combine(solutionDirectory, line.Replace('\\', '/'))))
            .Order(StringComparer.Ordinal)
            .ToList();
}
