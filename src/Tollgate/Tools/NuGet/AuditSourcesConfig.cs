using System.Xml.Linq;

namespace Tollgate.Tools.NuGet;

/// <summary>
/// A NuGet.Config that names only audit sources, for <c>dotnet list package --vulnerable --configfile</c>
/// when the audit sources come from a parameter rather than the repository's own NuGet.Config.
/// Plain-HTTP sources are allowed only on the loopback address.
/// </summary>
public static class AuditSourcesConfig
{
    /// <summary>The XML text naming <paramref name="sources"/>.</summary>
    public static string Render(IReadOnlyList<string> sources)
    {
        var audit = new XElement("auditSources", new XElement("clear"));
        for (var i = 0; i < sources.Count; i++)
        {
            var add = new XElement("add", new XAttribute("key", $"audit{i}"), new XAttribute("value", sources[i]));
            if (Uri.TryCreate(sources[i], UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.IsLoopback)
            {
                add.Add(new XAttribute("allowInsecureConnections", "true"));
            }

            audit.Add(add);
        }

        var document = new XDocument(new XElement("configuration", new XElement("packageSources", new XElement("clear")), audit));
        return document.ToString() + "\n";
    }
}
