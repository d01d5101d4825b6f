using System.Xml;
using System.Xml.Linq;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// The tests a hang timeout stopped, as each platform names them: VSTest's blame collector, after "The specified inactivity
/// time … has elapsed", writes a <c>Sequence_*.xml</c> whose unfinished tests are <c>Completed="False"</c>; Microsoft's hang
/// extension prints "The following tests were still running …" and a line per test, <c>[00:30:00] Name</c>.
/// </summary>
internal static class HungTests
{
    private const string BlameHang = "The specified inactivity time of";
    private const string HangDump = "The following tests were still running";

    /// <summary>The tests VSTest's blame collector found unfinished in <paramref name="resultsDirectory"/> after a hang; empty when the run did not hang.</summary>
    public static IReadOnlyList<string> FromBlame(string output, string resultsDirectory)
    {
        if (!output.Contains(BlameHang, StringComparison.Ordinal) || !Directory.Exists(resultsDirectory))
        {
            return [];
        }

        return Directory.GetFiles(resultsDirectory, "Sequence_*.xml", SearchOption.AllDirectories)
            .SelectMany(Unfinished)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The tests Microsoft's hang extension names as still running when it stopped the application; empty when it did not.</summary>
    public static IReadOnlyList<string> FromHangDump(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.Contains(HangDump, StringComparison.Ordinal));
        if (start < 0)
        {
            return [];
        }

        return lines.Skip(start + 1)
            .TakeWhile(l => l.TrimStart().StartsWith('['))
            .Select(l => l.TrimStart())
            .Select(l => l[(l.IndexOf(']', StringComparison.Ordinal) + 1)..].Trim())
            .Where(name => name.Length > 0)
            .ToList();
    }

    private static IEnumerable<string> Unfinished(string sequence)
    {
        try
        {
            return XDocument.Load(sequence).Descendants("Test")
                .Where(t => string.Equals((string?)t.Attribute("Completed"), "False", StringComparison.OrdinalIgnoreCase))
                .Select(t => (string?)t.Attribute("Name") ?? (string?)t.Attribute("DisplayName") ?? "(unnamed)")
                .ToList();
        }
        catch (XmlException)
        {
            return [];
        }
    }
}
