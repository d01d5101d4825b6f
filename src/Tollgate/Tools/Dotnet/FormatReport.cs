using System.Text.Json;

namespace Tollgate.Tools.Dotnet;

/// <summary>One change <c>dotnet format --verify-no-changes</c> would make.</summary>
internal sealed record FormatChange(string FilePath, int Line, int Column, string DiagnosticId, string Description)
{
    /// <summary>
    /// The severity dotnet format gave the change, from its description ("error IDE0005: …" is an error, "info …" a
    /// note); a whitespace change has none, and fails <c>--verify-no-changes</c> all the same: a warning.
    /// </summary>
    public string Severity => Description.Split(' ', 2)[0] switch
    {
        "error" => "error",
        "warning" => "warning",
        "info" or "hidden" => "note",
        _ => "warning",
    };
}

/// <summary>Reads the JSON report of <c>dotnet format --report DIR</c> (<c>format-report.json</c>).</summary>
internal static class FormatReport
{
    /// <summary>The report's file name in the report directory.</summary>
    public const string FileName = "format-report.json";

    /// <summary>Every change in the report.</summary>
    /// <exception cref="InvalidDataException">The file is not a format report.</exception>
    public static IReadOnlyList<FormatChange> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path} is not a dotnet format report: it is not a JSON array.");
            }

            return document.RootElement.EnumerateArray()
                .SelectMany(file => file.GetProperty("FileChanges").EnumerateArray().Select(change => new FormatChange(
                    file.GetProperty("FilePath").GetString()!,
                    change.GetProperty("LineNumber").GetInt32(),
                    change.GetProperty("CharNumber").GetInt32(),
                    change.GetProperty("DiagnosticId").GetString()!,
                    change.GetProperty("FormatDescription").GetString()!)))
                .ToList();
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a dotnet format report: {exception.Message}", exception);
        }
    }
}
