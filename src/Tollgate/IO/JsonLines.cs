using System.Text.Json;

namespace Tollgate.IO;

/// <summary>Where each value of a JSON text stands: the line of every JSON pointer (a property's name, an array item's start).</summary>
internal static class JsonLines
{
    /// <summary>Line numbers (1-based) by JSON pointer (<c>""</c>, <c>/environments/prod/approval</c>, <c>/rules/0</c>); comments and trailing commas allowed.</summary>
    public static IReadOnlyDictionary<string, int> Of(byte[] json)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        int LineAt(long index)
        {
            var found = starts.BinarySearch((int)index);
            return (found >= 0 ? found : ~found - 1) + 1;
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 1 };
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<(string Pointer, int NextIndex, bool IsArray)>();
        string? pending = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pending = $"{path.Peek().Pointer}/{Escape(reader.GetString()!)}";
                lines[pending] = LineAt(reader.TokenStartIndex);
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                path.Pop();
                continue;
            }

            var pointer = pending ?? "";
            if (pending is null && path.Count > 0 && path.Peek().IsArray)
            {
                var (parent, next, _) = path.Pop();
                pointer = $"{parent}/{next}";
                path.Push((parent, next + 1, true));
                lines[pointer] = LineAt(reader.TokenStartIndex);
            }

            pending = null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                path.Push((pointer, 0, reader.TokenType == JsonTokenType.StartArray));
            }
        }

        return lines;
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
