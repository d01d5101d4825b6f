using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tollgate.Deploy;

/// <summary>
/// Sets one scalar in a YAML file by its exact key path from the document's root (<c>image.tag</c>; a number
/// steps into a list: <c>images.0.newTag</c>). YamlDotNet's parser finds the scalar, and only its characters
/// are replaced, so comments, order, anchors and layout stay as they were. A key that is not there, one that
/// stands twice, or a value that is not a scalar is an error.
/// </summary>
internal static class YamlValue
{
    /// <summary>The text with <paramref name="key"/> set to <paramref name="value"/> (double-quoted).</summary>
    /// <exception cref="InvalidDataException">The key is not a scalar of the file, or the file is not YAML.</exception>
    public static string Set(string text, string key, string value, string shownAs)
    {
        if (value.Any(c => char.IsControl(c) || c is '"' or '\\'))
        {
            throw new InvalidDataException($"{shownAs}: the value '{value.ReplaceLineEndings("\\n")}' holds a line break, quote or control character; only a plain version goes into a values file.");
        }

        var path = key.Split('.');
        var matches = new List<Scalar>();
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<DocumentStart>(out _))
            {
                parser.Consume<DocumentStart>();
                Walk(parser, path, 0, matches);
            }
        }
        catch (YamlException exception)
        {
            throw new InvalidDataException($"{shownAs} is not valid YAML (line {exception.Start.Line}): {exception.Message}", exception);
        }

        return matches.Count switch
        {
            0 => throw new InvalidDataException($"{shownAs} has no scalar at '{key}' (from the document's root); add it (e.g. '{path[0]}:' with '{path[^1]}: \"\"' below it) or set \"key\" in .nuke/environments.json."),
            > 1 => throw new InvalidDataException($"{shownAs} has '{key}' {matches.Count} times; a key stands once in a mapping, fix the file."),
            _ => Replace(text, matches[0], value),
        };
    }

    private static string Replace(string text, Scalar scalar, string value)
    {
        var start = (int)scalar.Start.Index;
        var end = (int)scalar.End.Index;
        var quoted = $"\"{value}\"";
        if (scalar.Value.Length == 0 && scalar.Style == ScalarStyle.Plain)
        {
            // "tag:" with nothing after it: the empty scalar has no characters of its own.
            var separator = start > 0 && text[start - 1] == ':' ? " " : "";
            return text[..start] + separator + quoted + text[start..];
        }

        return text[..start] + quoted + text[end..];
    }

    // Reads one node; collects the scalars that stand at path[depth..] below it.
    private static void Walk(IParser parser, string[] path, int depth, List<Scalar> matches)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            if (depth == path.Length)
            {
                matches.Add(scalar);
            }

            return;
        }

        if (parser.TryConsume<AnchorAlias>(out _))
        {
            return;
        }

        if (parser.TryConsume<MappingStart>(out _))
        {
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                string? name = null;
                if (parser.TryConsume<Scalar>(out var keyScalar))
                {
                    name = keyScalar.Value;
                }
                else
                {
                    parser.SkipThisAndNestedEvents(); // a complex key is never a step of a dotted path
                }

                Walk(parser, path, depth < path.Length && name == path[depth] ? depth + 1 : int.MaxValue, matches);
            }

            return;
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var index = 0;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                var step = depth < path.Length && path[depth] == index.ToString(System.Globalization.CultureInfo.InvariantCulture) ? depth + 1 : int.MaxValue;
                Walk(parser, path, step, matches);
                index++;
            }

            return;
        }

        parser.SkipThisAndNestedEvents();
    }
}
