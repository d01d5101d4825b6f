using System.Text;
using System.Text.RegularExpressions;

namespace Tollgate.Tools.Stryker;

/// <summary>
/// Stryker's <c>mutate</c> patterns, matched as Stryker matches them against a source file's path relative to its project:
/// <c>**</c> any folders, <c>*</c> any name part, <c>?</c> one character, a leading <c>!</c> leaves files out.
/// </summary>
internal static class StrykerGlob
{
    /// <summary>Whether <paramref name="relative"/> (forward slashes) is mutated under <paramref name="patterns"/>: it matches a plain pattern (or there is none) and no <c>!</c> pattern.</summary>
    public static bool Mutated(IReadOnlyList<string> patterns, string relative)
    {
        var included = patterns.Where(p => !p.StartsWith('!')).ToList();
        return (included.Count == 0 || included.Any(p => Matches(p, relative))) && !patterns.Where(p => p.StartsWith('!')).Any(p => Matches(p[1..], relative));
    }

    /// <summary>Whether one pattern matches.</summary>
    public static bool Matches(string pattern, string relative)
    {
        var text = new StringBuilder("^");
        var glob = pattern.Replace('\\', '/').TrimStart('.', '/');
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                text.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                text.Append(glob[i] switch { '*' => "[^/]*", '?' => "[^/]", var c => Regex.Escape(c.ToString()) });
            }
        }

        return Regex.IsMatch(relative.Replace('\\', '/'), text.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
