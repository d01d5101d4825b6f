using Tollgate.IO;

namespace Tollgate.Evidence;

/// <summary>
/// Audit from inputs to outcome: reads each repository's latest verified bundle below a folder (as the store of runs names
/// them) and writes the portfolio as <c>portfolio.md</c>, <c>.json</c> and <c>.html</c>, with what moving each repository to
/// this Tollgate changes in its gates.
/// </summary>
internal static class PortfolioAudit
{
    /// <summary>What the audit wrote.</summary>
    /// <param name="Markdown">The portfolio as Markdown, for the console and CI summaries.</param>
    /// <param name="Repositories">How many repositories' bundles were read.</param>
    /// <param name="Behind">How many are behind the newest Tollgate among them.</param>
    internal sealed record Outcome(string Markdown, int Repositories, int Behind);

    /// <summary>Audits the <paramref name="bundles"/> below <paramref name="folder"/> (named <paramref name="shownAs"/>) into <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">No such folder, an unreadable bundle, or none at all; the message names the folder and the fix.</exception>
    public static Outcome Run(string folder, IEnumerable<string> bundles, string shownAs, string outputDirectory, Func<ParameterRecord, bool> weakens, PortfolioUpgrade upgrade)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidDataException($"--audit-evidence {shownAs}: no such folder; point it at a folder holding one evidence bundle per repository.");
        }

        IReadOnlyList<PortfolioEntry> entries;
        try
        {
            entries = PortfolioReader.Read(folder, bundles);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"--audit-evidence {shownAs}: {exception.Message}", exception);
        }

        if (entries.Count == 0)
        {
            throw new InvalidDataException(Directory.EnumerateFiles(folder, Manifest.FileName, new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }).Any()
                ? $"--audit-evidence {shownAs}: no bundle below it verifies (each is reported above); keep the bundles as Tollgate wrote them."
                : $"--audit-evidence {shownAs}: no evidence bundle (manifest.json) below it; download each repository's artifacts/evidence into a folder of its own there.");
        }

        var markdown = PortfolioRenderer.Markdown(entries, weakens, upgrade);
        AtomicFile.Write(Path.Combine(outputDirectory, "portfolio.md"), markdown);
        AtomicFile.Write(Path.Combine(outputDirectory, "portfolio.json"), PortfolioRenderer.Json(entries, weakens, upgrade));
        AtomicFile.Write(Path.Combine(outputDirectory, "portfolio.html"), PortfolioRenderer.Html(entries, weakens, upgrade));
        return new Outcome(markdown, entries.Count, entries.Count(e => e.TollgateVersion != PortfolioRenderer.Newest(entries)));
    }
}
