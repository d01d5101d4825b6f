using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Tollgate.Tools.Trx;

/// <summary>Reads Visual Studio test result (TRX) files, as <c>dotnet test --logger trx</c> writes them.</summary>
internal static class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>The results in a TRX file.</summary>
    /// <exception cref="InvalidDataException">The file is not TRX.</exception>
    public static TrxResults Read(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"{path} is not a TRX file: {exception.Message}", exception);
        }

        var run = document.Root;
        if (run?.Name != Ns + "TestRun")
        {
            throw new InvalidDataException($"{path} is not a TRX file: its root is <{run?.Name.LocalName}>, not <TestRun>.");
        }

        var tests = run.Descendants(Ns + "UnitTestResult").Select(result =>
        {
            var error = result.Element(Ns + "Output")?.Element(Ns + "ErrorInfo");
            var stack = error?.Element(Ns + "StackTrace")?.Value;
            return new TrxTestCase(
                (string?)result.Attribute("testName") ?? "(unnamed)",
                (string?)result.Attribute("outcome") ?? "NotExecuted",
                ParseDuration((string?)result.Attribute("duration")),
                error?.Element(Ns + "Message")?.Value.Trim(),
                stack?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault());
        }).ToList();

        var times = run.Element(Ns + "Times");
        var duration = DateTimeOffset.TryParse((string?)times?.Attribute("start"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && DateTimeOffset.TryParse((string?)times?.Attribute("finish"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var finish)
                ? finish - start
                : TimeSpan.FromTicks(tests.Sum(t => t.Duration.Ticks));
        return new TrxResults(tests, duration);
    }

    private static TimeSpan ParseDuration(string? text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) ? duration : TimeSpan.Zero;
}
