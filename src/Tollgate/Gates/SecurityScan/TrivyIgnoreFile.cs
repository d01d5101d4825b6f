using System.Globalization;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// Reads <c>.trivyignore</c> as suppressions: one id per line, <c>exp:YYYY-MM-DD</c> after it for the
/// expiry (Trivy's own syntax), and the comment lines right above an entry as its reason.
/// </summary>
internal static class TrivyIgnoreFile
{
    /// <summary>The suppressions in the text of <paramref name="name"/>.</summary>
    public static IReadOnlyList<Suppression> Parse(string text, string name)
    {
        var suppressions = new List<Suppression>();
        var comment = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                comment.Clear();
                continue;
            }

            if (line.StartsWith('#'))
            {
                comment.Add(line.TrimStart('#').Trim());
                continue;
            }

            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            DateOnly? expires = null;
            foreach (var word in words.Skip(1).Where(w => w.StartsWith("exp:", StringComparison.Ordinal)))
            {
                expires = DateOnly.TryParseExact(word[4..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new InvalidDataException($"{name} line {i + 1}: '{word}' is not a date; write exp:YYYY-MM-DD.");
            }

            var reason = string.Join(" ", comment.Where(c => c.Length > 0));
            suppressions.Add(new Suppression(words[0], null, reason.Length == 0 ? null : reason, expires, $"{name}:{i + 1}"));
            comment.Clear();
        }

        return suppressions;
    }
}
