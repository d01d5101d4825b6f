using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Tollgate.Tests.Support;

/// <summary>
/// An HTTP NuGet feed on 127.0.0.1 that takes pushes (<c>PackagePublish/2.0.0</c>): it checks the API key,
/// reads each pushed package's id and version from its nuspec, and answers 409 to a version it already has.
/// </summary>
internal sealed class NuGetPushFeed : IDisposable
{
    private readonly LoopbackHttpServer server;
    private readonly string apiKey;
    private readonly string? basic;

    /// <param name="apiKey">The API key a push must carry.</param>
    /// <param name="user">With <paramref name="password"/>: the feed asks for these by HTTP Basic authentication on every request.</param>
    /// <param name="password">The user's password.</param>
    public NuGetPushFeed(string apiKey, string? user = null, string? password = null)
    {
        this.apiKey = apiKey;
        basic = user is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        server = new LoopbackHttpServer(ServeAsync);
    }

    public string Source => server.Prefix + "v3/index.json";

    /// <summary>The packages pushed, as <c>id version</c>.</summary>
    public List<string> Pushed { get; } = [];

    /// <summary>The API keys the pushes came with.</summary>
    public List<string?> KeysSeen { get; } = [];

    public void Dispose() => server.Dispose();

    private async Task ServeAsync(HttpListenerContext context, string path)
    {
        var response = context.Response;
        if (basic is not null && context.Request.Headers["Authorization"] != $"Basic {basic}")
        {
            // Read what was sent before refusing it, as a server does: a body left unread spoils the connection NuGet retries on.
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            response.StatusCode = 401;
            response.AddHeader("WWW-Authenticate", "Basic realm=\"feed\"");
            return;
        }

        if (path == "v3/index.json")
        {
            var index = $$"""{ "version": "3.0.0", "resources": [ { "@id": "{{server.Prefix}}api/v2/package", "@type": "PackagePublish/2.0.0" } ] }""";
            await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(index));
            return;
        }

        if (path.TrimEnd('/') != "api/v2/package" || context.Request.HttpMethod != "PUT")
        {
            response.StatusCode = 404;
            return;
        }

        var key = context.Request.Headers["X-NuGet-ApiKey"];
        KeysSeen.Add(key);
        if (key != apiKey)
        {
            response.StatusCode = 403;
            return;
        }

        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var package = Identity(body.ToArray());
        lock (Pushed)
        {
            if (Pushed.Contains(package))
            {
                response.StatusCode = 409;
                return;
            }

            Pushed.Add(package);
        }

        response.StatusCode = 201;
    }

    private static string Identity(byte[] multipart)
    {
        var start = IndexOf(multipart, [0x50, 0x4B, 0x03, 0x04]);
        var end = LastIndexOf(multipart, "\r\n--"u8.ToArray());
        using var zip = new ZipArchive(new MemoryStream(multipart, start, end - start), ZipArchiveMode.Read);
        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Get(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        return $"{Get("id")} {Get("version")}";
    }

    private static int IndexOf(byte[] data, byte[] pattern)
    {
        for (var i = 0; i <= data.Length - pattern.Length; i++)
        {
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        throw new InvalidDataException("no zip in the pushed body");
    }

    private static int LastIndexOf(byte[] data, byte[] pattern)
    {
        for (var i = data.Length - pattern.Length; i >= 0; i--)
        {
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                return i;
            }
        }

        return data.Length;
    }
}
