using System.Text.Json;

namespace Tollgate.IO;

/// <summary>A checked-in JSON file a person writes (policies, rules, environments): comments and trailing commas allowed.</summary>
internal static class JsonFile
{
    /// <summary>The parsed document of <paramref name="path"/>; invalid JSON is an <see cref="InvalidDataException"/> naming <paramref name="shownAs"/> and the line.</summary>
    public static JsonDocument Parse(string path, string shownAs)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{shownAs} is not valid JSON (line {exception.LineNumber + 1}); fix the file.", exception);
        }
    }
}
