using System.Xml;
using System.Xml.Linq;

namespace Tollgate.Tools.Cobertura;

/// <summary>Reads a Cobertura coverage file by counting its line entries, not by trusting its rates.</summary>
internal static class CoberturaReader
{
    /// <summary>The counts of the whole file and of each source file (a line counted once per file, covered if any entry covers it).</summary>
    /// <exception cref="InvalidDataException">The file is not Cobertura.</exception>
    public static (CoverageCounts Total, IReadOnlyList<FileCoverage> Files) Read(string path)
    {
        var coverage = Load(path);

        var lines = new Dictionary<(string File, string Number), (bool Covered, int Branches, int BranchesCovered)>();
        foreach (var @class in coverage.Descendants("class"))
        {
            var file = (string?)@class.Attribute("filename") ?? "";
            foreach (var line in @class.Element("lines")?.Elements("line") ?? [])
            {
                var key = (file, (string?)line.Attribute("number") ?? "");
                var covered = (long?)line.Attribute("hits") > 0;
                var (branches, branchesCovered) = Branches((string?)line.Attribute("condition-coverage"));
                lines[key] = lines.TryGetValue(key, out var seen)
                    ? (seen.Covered || covered, Math.Max(seen.Branches, branches), Math.Max(seen.BranchesCovered, branchesCovered))
                    : (covered, branches, branchesCovered);
            }
        }

        var total = new CoverageCounts(
            lines.Values.Count(l => l.Covered), lines.Count, lines.Values.Sum(l => (long)l.BranchesCovered), lines.Values.Sum(l => (long)l.Branches));
        var files = lines.GroupBy(l => l.Key.File)
            .Select(g => new FileCoverage(g.Key, g.Count(l => l.Value.Covered), g.Count()))
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ToList();
        return (total, files);
    }

    /// <summary>The <c>&lt;coverage&gt;</c> root of the Cobertura file at <paramref name="path"/>, checked to be one.</summary>
    /// <exception cref="InvalidDataException">It is not XML, or its root is not <c>&lt;coverage&gt;</c>.</exception>
    public static XElement Load(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"{path} is not a Cobertura file: {exception.Message}", exception);
        }

        if (document.Root?.Name.LocalName != "coverage")
        {
            throw new InvalidDataException($"{path} is not a Cobertura file: its root is <{document.Root?.Name.LocalName}>, not <coverage>.");
        }

        return document.Root;
    }

    // condition-coverage="50% (1/2)"
    private static (int Branches, int Covered) Branches(string? condition)
    {
        if (condition is null)
        {
            return (0, 0);
        }

        var open = condition.IndexOf('(', StringComparison.Ordinal);
        var slash = condition.IndexOf('/', StringComparison.Ordinal);
        var close = condition.IndexOf(')', StringComparison.Ordinal);
        return open >= 0 && slash > open && close > slash
            && int.TryParse(condition[(open + 1)..slash], out var covered) && int.TryParse(condition[(slash + 1)..close], out var total)
                ? (total, covered)
                : (0, 0);
    }
}
