using System.Globalization;

namespace Tollgate.Tools.Cobertura;

/// <summary>
/// Every coverable line of a Cobertura file, by repository-relative file: covered when any entry for it has hits.
/// File names are made relative to the root (absolute ones directly, relative ones through the report's <c>sources</c>).
/// </summary>
internal static class CoberturaLines
{
    /// <summary>Reads <paramref name="path"/>; files outside <paramref name="root"/> keep their names as written.</summary>
    /// <exception cref="InvalidDataException">The file is not Cobertura.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<int, bool>> Read(string path, string root)
    {
        var coverage = CoberturaReader.Load(path);

        var sources = coverage.Element("sources")?.Elements("source").Select(s => s.Value.Trim()).Where(s => s.Length > 0).ToList() ?? [];
        var files = new Dictionary<string, Dictionary<int, bool>>(StringComparer.Ordinal);
        foreach (var @class in coverage.Descendants("class"))
        {
            var file = Relative((string?)@class.Attribute("filename") ?? "", sources, root);
            if (!files.TryGetValue(file, out var lines))
            {
                files[file] = lines = [];
            }

            foreach (var line in @class.Element("lines")?.Elements("line") ?? [])
            {
                if (int.TryParse((string?)line.Attribute("number"), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    var covered = (long?)line.Attribute("hits") > 0;
                    lines[number] = lines.TryGetValue(number, out var seen) ? seen || covered : covered;
                }
            }
        }

        return files.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<int, bool>)f.Value, StringComparer.Ordinal);
    }

    private static string Relative(string file, IReadOnlyList<string> sources, string root)
    {
        var full = Path.IsPathRooted(file)
            ? file
            : sources.Select(s => Path.Combine(s, file)).FirstOrDefault(File.Exists) ?? Path.Combine(sources.FirstOrDefault() ?? root, file);
        var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file.Replace('\\', '/') : relative;
    }
}
