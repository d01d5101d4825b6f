using System.Text.Json;

namespace Tollgate.Tools.Stryker;

/// <summary>
/// Reads Stryker's JSON report (the mutation-testing-elements schema). It holds no score: the gate
/// computes one from the statuses. The original code of each mutant is cut out of the report's source.
/// </summary>
internal static class MutationReportReader
{
    /// <summary>Every mutant in the report.</summary>
    /// <exception cref="InvalidDataException">The file is not a mutation report.</exception>
    public static IReadOnlyList<Mutant> Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path} is not a Stryker mutation report: it has no \"files\".");
            }

            var mutants = new List<Mutant>();
            foreach (var file in files.EnumerateObject())
            {
                var source = file.Value.TryGetProperty("source", out var text) ? text.GetString()!.Split('\n') : [];
                foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
                {
                    var location = mutant.GetProperty("location");
                    var start = location.GetProperty("start");
                    var end = location.GetProperty("end");
                    mutants.Add(new Mutant(
                        file.Name,
                        start.GetProperty("line").GetInt32(),
                        mutant.GetProperty("mutatorName").GetString()!,
                        mutant.GetProperty("status").GetString()!,
                        Excerpt(source, start.GetProperty("line").GetInt32(), start.GetProperty("column").GetInt32(), end.GetProperty("line").GetInt32(), end.GetProperty("column").GetInt32()),
                        mutant.TryGetProperty("replacement", out var replacement) ? replacement.GetString() ?? "" : ""));
                }
            }

            return mutants;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path} is not a Stryker mutation report: {exception.Message}", exception);
        }
    }

    // Lines and columns are 1-based; the end column is exclusive. Long excerpts are cut to one line.
    private static string Excerpt(string[] source, int startLine, int startColumn, int endLine, int endColumn)
    {
        if (startLine < 1 || startLine > source.Length)
        {
            return "";
        }

        string text;
        if (startLine == endLine)
        {
            var line = source[startLine - 1].TrimEnd('\r');
            text = line[Math.Min(startColumn - 1, line.Length)..Math.Min(Math.Max(endColumn - 1, startColumn - 1), line.Length)];
        }
        else
        {
            var first = source[startLine - 1].TrimEnd('\r');
            text = first[Math.Min(startColumn - 1, first.Length)..] + " …";
        }

        return text.Trim();
    }
}
