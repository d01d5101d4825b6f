using System.Xml.Linq;

namespace Tollgate.Tools.NuGet;

/// <summary>
/// NuGet.Config files Tollgate writes for one command (<c>--configfile</c>) when a source comes from a
/// parameter rather than the repository's own NuGet.Config. NuGet refuses plain-HTTP sources unless told
/// otherwise; Tollgate tells it so only for the loopback address.
/// </summary>
internal static class NuGetConfigFile
{
    /// <summary>A config naming only <paramref name="sources"/> as audit sources (for <c>dotnet list package --vulnerable</c>).</summary>
    public static string AuditSources(IReadOnlyList<string> sources) =>
        Render(new XElement("packageSources", new XElement("clear")), new XElement("auditSources", [new XElement("clear"), .. sources.Select((s, i) => Source($"audit{i}", s))]));

    /// <summary>A config naming only <paramref name="source"/> as a package source (for <c>dotnet nuget push</c>).</summary>
    public static string PushSource(string source) =>
        Render(new XElement("packageSources", new XElement("clear"), Source("push", source)));

    private static XElement Source(string key, string url)
    {
        var add = new XElement("add", new XAttribute("key", key), new XAttribute("value", url));
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.IsLoopback)
        {
            add.Add(new XAttribute("allowInsecureConnections", "true"));
        }

        return add;
    }

    private static string Render(params XElement[] sections) => new XDocument(new XElement("configuration", sections)).ToString() + "\n";
}
