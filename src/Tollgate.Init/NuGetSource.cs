using System.Xml.Linq;

namespace Tollgate.Init;

/// <summary>
/// The feed Tollgate comes from (<c>--source</c>), recorded in the repository's <c>NuGet.config</c> so that the build
/// project restores there, on a developer's machine and in CI, as the printed next step expects. An existing config
/// keeps everything it has and gains the one source; a missing one is created with it.
/// </summary>
internal static class NuGetSource
{
    private static readonly string[] Names = ["nuget.config", "NuGet.config", "NuGet.Config"];

    /// <summary>Records <paramref name="feed"/> and returns what was done, for the report.</summary>
    /// <exception cref="AdoptionException">The repository's config is not valid XML; the message names the file.</exception>
    public static AdoptionStep Record(string root, string feed)
    {
        var existing = Names.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists);
        if (existing is null)
        {
            var created = Path.Combine(root, "nuget.config");
            new XDocument(new XElement("configuration", new XElement("packageSources", Add("tollgate", feed)))).Save(created);
            return new AdoptionStep("nuget.config", "created", $"package source 'tollgate' = {feed}, where Tollgate comes from");
        }

        XDocument document;
        try
        {
            document = XDocument.Load(existing, LoadOptions.PreserveWhitespace);
        }
        catch (System.Xml.XmlException exception)
        {
            throw new AdoptionException($"{Path.GetFileName(existing)} is not valid XML ({exception.Message}); fix it, or add the package source {feed} to it yourself and run again without --source.");
        }

        var name = Path.GetFileName(existing);
        var configuration = document.Root ?? throw new AdoptionException($"{name} has no <configuration>; fix it, or add the package source {feed} to it yourself.");
        var sources = configuration.Element("packageSources");
        if (sources?.Elements("add").Any(a => string.Equals(((string?)a.Attribute("value"))?.TrimEnd('/'), feed.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) == true)
        {
            return new AdoptionStep(name, "kept", $"it already names {feed}");
        }

        if (sources is null)
        {
            configuration.Add(sources = new XElement("packageSources"));
        }

        var keys = sources.Elements("add").Select(a => (string?)a.Attribute("key")).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var key = Enumerable.Range(1, 100).Select(i => i == 1 ? "tollgate" : $"tollgate{i}").First(k => !keys.Contains(k));
        sources.Add(Add(key, feed));
        document.Save(existing);
        return new AdoptionStep(name, "extended", $"package source '{key}' = {feed} added, where Tollgate comes from; the rest is as it was");
    }

    private static XElement Add(string key, string feed) => new("add", new XAttribute("key", key), new XAttribute("value", feed));
}
