namespace Tollgate.Deploy;

/// <summary>
/// Sets one scalar in a YAML values file by its dotted key (<c>image.tag</c>), line by line, so that the
/// file's comments, order and layout stay as they were. Block mappings only; a key that is not there is an error.
/// </summary>
public static class YamlValue
{
    /// <summary>The text with <paramref name="key"/> set to <paramref name="value"/> (quoted).</summary>
    /// <exception cref="InvalidDataException">The key is not in the file.</exception>
    public static string Set(string text, string key, string value, string shownAs)
    {
        var path = key.Split('.');
        var lines = text.Split('\n');
        var depth = 0;
        var indent = -1;
        for (var i = 0; i < lines.Length && depth < path.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var content = line.TrimStart();
            var lineIndent = line.Length - content.Length;
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            if (lineIndent <= indent)
            {
                break;
            }

            if (!content.StartsWith(path[depth] + ":", StringComparison.Ordinal))
            {
                continue;
            }

            if (depth == path.Length - 1)
            {
                var comment = content.IndexOf(" #", StringComparison.Ordinal) is var c and > 0 ? content[c..] : "";
                lines[i] = $"{line[..lineIndent]}{path[depth]}: \"{value}\"{comment}" + (lines[i].EndsWith('\r') ? "\r" : "");
                return string.Join('\n', lines);
            }

            indent = lineIndent;
            depth++;
        }

        throw new InvalidDataException($"{shownAs} has no key '{key}'; add it (e.g. '{path[0]}:' with '{path[^1]}: \"\"' below it) or set \"key\" in .nuke/environments.json.");
    }
}
