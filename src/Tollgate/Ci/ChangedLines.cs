using System.Text.Json;
using Tollgate.Evidence;

namespace Tollgate.Ci;

/// <summary>
/// The lines a pull request added or changed, by file, as the PullRequest report recorded them in the bundle
/// (<c>reports/pullrequest/changed-lines.json</c>): a host annotates only those on a pull request.
/// </summary>
internal sealed class ChangedLines(IReadOnlyDictionary<string, IReadOnlySet<int>> files)
{
    /// <summary>The changed lines of the bundle at <paramref name="evidence"/>; null when it has none (not a pull request run).</summary>
    public static ChangedLines? Read(string evidence)
    {
        var path = Path.Combine(evidence, PullRequestFiles.ChangedLines);
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new ChangedLines(document.RootElement.EnumerateObject()
            .ToDictionary(f => f.Name, f => (IReadOnlySet<int>)f.Value.EnumerateArray().Select(l => l.GetInt32()).ToHashSet(), StringComparer.Ordinal));
    }

    /// <summary>Whether <paramref name="file"/>'s <paramref name="line"/> is one the change wrote.</summary>
    public bool Contains(string file, int line) => files.TryGetValue(file, out var lines) && lines.Contains(line);
}
