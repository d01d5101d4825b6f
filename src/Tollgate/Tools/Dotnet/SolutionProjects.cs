using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tollgate.Tools.Dotnet;

/// <summary>The project files a solution names (<c>.sln</c> or <c>.slnx</c>), read from the file itself without MSBuild; a project file is its own list.</summary>
internal static partial class SolutionProjects
{
    /// <summary>Absolute paths of the projects in <paramref name="solution"/>, in the file's order.</summary>
    public static IReadOnlyList<string> Of(string solution)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(solution))!;
        IEnumerable<string> paths = Path.GetExtension(solution).ToLowerInvariant() switch
        {
            ".slnx" => XDocument.Load(solution).Descendants("Project").Select(p => (string?)p.Attribute("Path")).OfType<string>(),
            ".sln" => SlnProject().Matches(File.ReadAllText(solution)).Select(m => m.Groups["path"].Value)
                .Where(p => p.EndsWith("proj", StringComparison.OrdinalIgnoreCase)),
            _ => [solution],
        };
        return paths.Select(p => Path.GetFullPath(p.Replace('\\', '/'), directory)).Distinct().ToList();
    }

    [GeneratedRegex("""^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]+)"\s*,""", RegexOptions.Multiline)]
    private static partial Regex SlnProject();
}
