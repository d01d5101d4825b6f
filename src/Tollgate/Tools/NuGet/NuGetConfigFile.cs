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

    /// <summary>
    /// A config naming only <paramref name="source"/> as a package source (for <c>dotnet nuget push</c>), with the user name and
    /// password its URL carried (<c>https://user:pass@host/…</c>) as that source's credentials and taken out of the URL.
    /// </summary>
    public static string PushSource(string source)
    {
        var (url, user, password) = Credentials(source);
        XElement[] credentials = user is null ? [] :
            [new XElement("packageSourceCredentials", new XElement("push", new XElement("add", new XAttribute("key", "Username"), new XAttribute("value", user)),
                new XElement("add", new XAttribute("key", "ClearTextPassword"), new XAttribute("value", password ?? ""))))];
        return Render([new XElement("packageSources", new XElement("clear"), Source("push", url)), .. credentials]);
    }

    /// <summary>The URL without its user name and password, and those two (unescaped); null when it carries none.</summary>
    public static (string Url, string? User, string? Password) Credentials(string source)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return (source, null, null);
        }

        var parts = uri.UserInfo.Split(':', 2);
        return (new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString(), Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null);
    }

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
