using System.Text.Json;

namespace Tollgate.Evidence;

/// <summary>Reads the evidence bundles of a portfolio's folder that the audit names (each repository's latest, verified).</summary>
internal static class PortfolioReader
{
    /// <summary>The entries of the bundles at <paramref name="bundles"/> (paths below <paramref name="folder"/>), by repository name.</summary>
    /// <exception cref="InvalidDataException">A manifest or gate document is not readable; the message names it.</exception>
    public static IReadOnlyList<PortfolioEntry> Read(string folder, IEnumerable<string> bundles) =>
        bundles.Select(b => Path.Combine(folder, b, Manifest.FileName)).Where(File.Exists).Select(path => Entry(folder, path))
            .OrderBy(e => e.Repository, StringComparer.Ordinal).ThenBy(e => e.Bundle, StringComparer.Ordinal).ToList();

    private static PortfolioEntry Entry(string folder, string path)
    {
        var bundle = Path.GetDirectoryName(path)!;
        var shownAs = Path.GetRelativePath(folder, bundle).Replace('\\', '/');
        var manifest = Load<Manifest>(path, shownAs);
        var gates = manifest.Gates.ToDictionary(g => g.Name, g => (g.Status, g.Headline));
        var waivers = new List<string>();
        var expired = new List<string>();
        foreach (var gate in manifest.Gates)
        {
            var documentPath = Path.Combine(bundle, gate.File);
            if (!File.Exists(documentPath))
            {
                continue;
            }

            var document = Load<GateDocument>(documentPath, $"{shownAs}/{gate.File}");
            waivers.AddRange((document.Waivers ?? []).Select(w => $"{gate.Name}: {w.Subject} ({w.Reason})"));
            expired.AddRange(document.Reasons.Where(r => r.StartsWith("suppression of ", StringComparison.Ordinal) && r.Contains(" expired on ", StringComparison.Ordinal)));
        }

        return new PortfolioEntry(
            manifest.Repository.Name, shownAs, manifest.TollgateVersion, manifest.Commit, manifest.Outcome, gates,
            manifest.Parameters.Where(p => p.Overridden).ToList(), waivers, expired);
    }

    private static T Load<T>(string path, string shownAs)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), EvidenceJson.Options)
                ?? throw new InvalidDataException($"{shownAs}: empty JSON.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{shownAs}: not a Tollgate evidence file ({exception.Message.Split('\n')[0]}).", exception);
        }
    }
}
