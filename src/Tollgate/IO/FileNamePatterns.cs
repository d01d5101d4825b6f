using System.IO.Enumeration;

namespace Tollgate.IO;

/// <summary>Which files a <c>--*-projects</c> or <c>--*-assemblies</c> parameter names: those whose file name matches one of its patterns.</summary>
internal static class FileNamePatterns
{
    /// <summary>True when the file name of <paramref name="path"/> matches one of <paramref name="patterns"/>.</summary>
    public static bool Matches(IReadOnlyList<string> patterns, string path) =>
        patterns.Any(pattern => FileSystemName.MatchesSimpleExpression(pattern, Path.GetFileName(path)));

    /// <summary>The paths whose file name matches a pattern; all of them when there is no pattern.</summary>
    public static IEnumerable<string> Select(IEnumerable<string> paths, IReadOnlyList<string> patterns) =>
        paths.Where(path => patterns.Count == 0 || Matches(patterns, path));
}
