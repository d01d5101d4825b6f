using System.Net;
using System.Net.Http.Headers;

namespace Tollgate.Gates.Cache;

/// <summary>
/// A shared HTTP cache spoken as Gradle's and Bazel's HTTP caches speak it: <c>GET</c>, <c>HEAD</c> and <c>PUT</c> of
/// <c>&lt;url&gt;/&lt;name&gt;</c>, so nginx with its WebDAV module, bazel-remote or an object store's HTTP endpoint serve it.
/// Credentials (<c>user:password</c> for Basic, anything else as a Bearer token) go in a header, never in the URL or a message.
/// </summary>
internal sealed class HttpCacheStore : ICacheStore, IDisposable
{
    private readonly HttpClient client;
    private readonly Uri root;

    /// <summary>A store at <paramref name="url"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not http(s) or carries credentials.</exception>
    public HttpCacheStore(string url, string? credentials, TimeSpan? timeout = null, HttpMessageHandler? handler = null)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--cache-url '{url}' is not an http:// or https:// address; give the cache server's address, e.g. https://cache.example.com/tollgate");
        }

        if (parsed.UserInfo.Length > 0)
        {
            throw new ArgumentException("--cache-url carries credentials; give them with --cache-credentials (a secret: user:password, or a token) and the address without them");
        }

        root = parsed;
        client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.Timeout = timeout ?? TimeSpan.FromSeconds(30);
        if (credentials is { Length: > 0 })
        {
            client.DefaultRequestHeaders.Authorization = credentials.Contains(':', StringComparison.Ordinal)
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)))
                : new AuthenticationHeaderValue("Bearer", credentials);
        }
    }

    /// <inheritdoc />
    public string Name => root.ToString();

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string name, CancellationToken cancellation)
    {
        using var response = await SendAsync(HttpMethod.Get, name, null, cancellation).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null
            : response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false)
            : throw Refused("GET", name, response);
    }

    /// <inheritdoc />
    public async Task<bool> HasAsync(string name, CancellationToken cancellation)
    {
        using var response = await SendAsync(HttpMethod.Head, name, null, cancellation).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound && (response.IsSuccessStatusCode ? true : throw Refused("HEAD", name, response));
    }

    /// <inheritdoc />
    public async Task PutAsync(string name, byte[] blob, CancellationToken cancellation)
    {
        using var response = await SendAsync(HttpMethod.Put, name, blob, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Refused("PUT", name, response);
        }
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string name, byte[]? body, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, new Uri(root, name));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        }

        try
        {
            return await client.SendAsync(request, cancellation).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            throw new CacheUnreachableException($"{Name} cannot be reached ({method} {name[..Math.Min(12, name.Length)]}…): {exception.Message}", exception);
        }
    }

    private CacheUnreachableException Refused(string method, string name, HttpResponseMessage response) =>
        new($"{Name} answered {method} {name[..Math.Min(12, name.Length)]}… with {(int)response.StatusCode} {response.ReasonPhrase}{(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? " (check --cache-credentials)" : "")}");
}
