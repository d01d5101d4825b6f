using System.Text.Json;

namespace Tollgate.Tools.Dotnet;

/// <summary>Reads the answer of <c>dotnet msbuild -getProperty:A -getProperty:B</c>.</summary>
public static class MsBuildProperties
{
    /// <summary>The properties by name; a single property is answered as bare text, several as JSON.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string output, IReadOnlyList<string> names)
    {
        var text = output.Trim();
        if (names.Count == 1)
        {
            return new Dictionary<string, string> { [names[0]] = text };
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }
}
