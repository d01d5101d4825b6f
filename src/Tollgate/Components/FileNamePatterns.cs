using System.IO.Enumeration;

namespace Tollgate;

/// <summary>Which files a <c>--*-projects</c> or <c>--*-assemblies</c> parameter selects: those whose name matches a pattern; all when none is given.</summary>
internal static class FileNamePatterns
{
    public static IEnumerable<string> Select(IEnumerable<string> paths, IReadOnlyList<string> patterns) =>
        paths.Where(path => patterns.Count == 0 || patterns.Any(pattern => FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(path))));
}
