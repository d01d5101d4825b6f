using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Tools.Docker;

/// <summary>
/// Tollgate's own small client of the Docker Engine HTTP API (v1.41) on its unix socket: images
/// (import, build, inspect, push, pull, remove) and containers (create, start, inspect, stop, remove).
/// Streaming answers are read message by message; an <c>errorDetail</c> in a stream is an error.
/// </summary>
internal sealed class DockerEngine : IDisposable
{
    /// <summary>The API version spoken; Docker 20.10 and later serve it.</summary>
    public const string ApiVersion = "v1.41";

    private readonly HttpClient http;

    /// <summary>A client of the engine listening on <paramref name="socket"/>.</summary>
    public DockerEngine(string socket)
    {
        Socket = socket;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellation) =>
            {
                var connection = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await connection.ConnectAsync(new UnixDomainSocketEndPoint(socket), cancellation).ConfigureAwait(false);
                    return new NetworkStream(connection, ownsSocket: true);
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
            },
        };
        http = new HttpClient(handler) { BaseAddress = new Uri($"http://docker/{ApiVersion}/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The socket's path.</summary>
    public string Socket { get; }

    /// <summary>The socket named by <c>DOCKER_HOST</c> (<c>unix://…</c>) or the default <c>/var/run/docker.sock</c>.</summary>
    public static string DefaultSocket(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("DOCKER_HOST", out var host) && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : "/var/run/docker.sock";

    /// <summary>The engine's version, e.g. <c>20.10.24</c>; a clear error naming the socket when it is not reachable.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellation)
    {
        var version = await GetJsonAsync("version", cancellation).ConfigureAwait(false);
        return version?["Version"]?.GetValue<string>() ?? "unknown";
    }

    /// <summary>Imports a root filesystem tarball as image <paramref name="repository"/>:<paramref name="tag"/> (<c>docker import</c>).</summary>
    public async Task ImportAsync(Stream rootfs, string repository, string tag, CancellationToken cancellation)
    {
        using var content = new StreamContent(rootfs);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        await StreamAsync(HttpMethod.Post, $"images/create?fromSrc=-&repo={Uri.EscapeDataString(repository)}&tag={Uri.EscapeDataString(tag)}", content, null, _ => { }, cancellation).ConfigureAwait(false);
    }

    /// <summary>Builds an image from a tar of its build context (<c>docker build</c>, host network) as <paramref name="settings"/> say, and returns its id.</summary>
    public async Task<string> BuildAsync(Stream context, DockerBuildSettings settings, Action<string> progress, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (settings.Timeout is { } timeout)
        {
            limit.CancelAfter(timeout);
        }

        cancellation = limit.Token;
        var query = BuildQuery(settings);
        using var content = new StreamContent(context);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        string? id = null;
        await StreamAsync(HttpMethod.Post, query.ToString(), content, null, message =>
        {
            if (message["aux"]?["ID"]?.GetValue<string>() is { } built)
            {
                id = built;
            }

            if (message["stream"]?.GetValue<string>() is { } line && line.Trim().Length > 0)
            {
                progress(line.TrimEnd());
            }
        }, cancellation).ConfigureAwait(false);
        return id ?? throw new DockerEngineException("The engine finished the build without naming the image it built.");
    }

    /// <summary>The engine's build request for <paramref name="settings"/>: the one place a build's options become the API's.</summary>
    /// <exception cref="InvalidDataException">Settings an API build cannot take (free arguments, environment variables).</exception>
    public static string BuildQuery(DockerBuildSettings settings)
    {
        if (settings.Arguments.Count > 0 || settings.EnvironmentVariables.Count > 0)
        {
            throw new InvalidDataException(
                $"DockerBuildSettings: docker build runs through the Docker Engine API, which takes no command-line arguments ('{string.Join(" ", settings.Arguments)}') or environment variables; set BuildArguments, Labels or Target in the build's DockerBuildSettings hook instead.");
        }

        var query = new StringBuilder($"build?dockerfile={Uri.EscapeDataString(settings.Dockerfile)}&networkmode=host&rm=1&forcerm=1");
        foreach (var tag in settings.Tags)
        {
            query.Append("&t=").Append(Uri.EscapeDataString(tag));
        }

        query.Append("&labels=").Append(Uri.EscapeDataString(JsonSerializer.Serialize(settings.Labels)));
        if (settings.BuildArguments.Count > 0)
        {
            query.Append("&buildargs=").Append(Uri.EscapeDataString(JsonSerializer.Serialize(settings.BuildArguments)));
        }

        if (settings.Target is not null)
        {
            query.Append("&target=").Append(Uri.EscapeDataString(settings.Target));
        }

        return query.ToString();
    }

    /// <summary>Pushes <paramref name="repository"/>:<paramref name="tag"/> to its registry and returns the manifest digest the registry stored.</summary>
    public async Task<string> PushAsync(string repository, string tag, RegistryCredentials? credentials, Action<string> progress, CancellationToken cancellation)
    {
        string? digest = null;
        await StreamAsync(HttpMethod.Post, $"images/{repository}/push?tag={Uri.EscapeDataString(tag)}", null, (credentials ?? RegistryCredentials.Anonymous).Header, message =>
        {
            if (message["aux"]?["Digest"]?.GetValue<string>() is { } pushed)
            {
                digest = pushed;
            }

            if (message["status"]?.GetValue<string>() is { } status && message["progressDetail"] is null or JsonObject { Count: 0 })
            {
                progress(status);
            }
        }, cancellation).ConfigureAwait(false);
        return digest ?? throw new DockerEngineException($"Pushing {repository}:{tag} finished without a digest from the registry.");
    }

    /// <summary>Pulls <paramref name="image"/> (<c>repository:tag</c>) from its registry.</summary>
    public async Task PullAsync(string image, RegistryCredentials? credentials, CancellationToken cancellation)
    {
        var (repository, tag) = Split(image);
        await StreamAsync(HttpMethod.Post, $"images/create?fromImage={Uri.EscapeDataString(repository)}&tag={Uri.EscapeDataString(tag)}", null, (credentials ?? RegistryCredentials.Anonymous).Header, _ => { }, cancellation).ConfigureAwait(false);
    }

    /// <summary>An image's inspection, or null when the engine has no such image.</summary>
    public async Task<JsonNode?> InspectImageAsync(string image, CancellationToken cancellation) =>
        await GetJsonAsync($"images/{image}/json", cancellation, missingIsNull: true).ConfigureAwait(false);

    /// <summary>Removes an image (forcing, so its tags go too); a missing image is not an error.</summary>
    public async Task RemoveImageAsync(string image, CancellationToken cancellation) =>
        await SendAsync(HttpMethod.Delete, $"images/{image}?force=1", null, cancellation, missingIsOk: true).ConfigureAwait(false);

    /// <summary>Creates a container from a JSON body (<c>Image</c>, <c>Cmd</c>, <c>Labels</c>, <c>HostConfig</c>…) and returns its id.</summary>
    public async Task<string> CreateContainerAsync(string name, JsonObject body, CancellationToken cancellation)
    {
        var created = await SendAsync(HttpMethod.Post, $"containers/create?name={Uri.EscapeDataString(name)}", body, cancellation).ConfigureAwait(false);
        return created?["Id"]?.GetValue<string>() ?? throw new DockerEngineException($"Creating container {name} returned no id.");
    }

    /// <summary>Starts a container.</summary>
    public Task StartContainerAsync(string id, CancellationToken cancellation) => SendAsync(HttpMethod.Post, $"containers/{id}/start", null, cancellation);

    /// <summary>Stops a container (it is given <paramref name="seconds"/> to end); a stopped or missing one is not an error.</summary>
    public Task StopContainerAsync(string id, int seconds, CancellationToken cancellation) =>
        SendAsync(HttpMethod.Post, $"containers/{id}/stop?t={seconds}", null, cancellation, missingIsOk: true);

    /// <summary>Removes a container, forcing; a missing one is not an error.</summary>
    public Task RemoveContainerAsync(string id, CancellationToken cancellation) =>
        SendAsync(HttpMethod.Delete, $"containers/{id}?force=1", null, cancellation, missingIsOk: true);

    /// <summary>A container's inspection, or null when there is no such container.</summary>
    public Task<JsonNode?> InspectContainerAsync(string id, CancellationToken cancellation) => GetJsonAsync($"containers/{id}/json", cancellation, missingIsNull: true);

    /// <summary>Containers (all, running or not) whose labels include <paramref name="label"/> (<c>key=value</c>).</summary>
    public async Task<JsonArray> ListContainersAsync(string label, CancellationToken cancellation)
    {
        var filters = Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [label] }));
        return (await GetJsonAsync($"containers/json?all=1&filters={filters}", cancellation).ConfigureAwait(false)) as JsonArray ?? [];
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private static (string Repository, string Tag) Split(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    private async Task<JsonNode?> GetJsonAsync(string path, CancellationToken cancellation, bool missingIsNull = false) =>
        await SendAsync(HttpMethod.Get, path, null, cancellation, missingIsOk: missingIsNull).ConfigureAwait(false);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellation, bool missingIsOk = false)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Send(request, cancellation).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        if (missingIsOk && (int)response.StatusCode is 404 or 304)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new DockerEngineException($"Docker engine: {method} {path} failed ({(int)response.StatusCode}): {Message(text)}");
        }

        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    private async Task StreamAsync(HttpMethod method, string path, HttpContent? content, string? registryAuth, Action<JsonObject> onMessage, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (registryAuth is not null)
        {
            request.Headers.Add("X-Registry-Auth", registryAuth);
        }

        using var response = await Send(request, cancellation, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DockerEngineException($"Docker engine: {method} {path.Split('?')[0]} failed ({(int)response.StatusCode}): {Message(await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false))}");
        }

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false));
        while (await reader.ReadLineAsync(cancellation).ConfigureAwait(false) is { } line)
        {
            if (line.Trim().Length == 0 || JsonNode.Parse(line) is not JsonObject message)
            {
                continue;
            }

            if (message["errorDetail"] is not null || message["error"] is not null)
            {
                var error = message["errorDetail"]?["message"]?.GetValue<string>() ?? message["error"]?.GetValue<string>();
                throw new DockerEngineException($"Docker engine: {path.Split('?')[0]}: {error}");
            }

            onMessage(message);
        }
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken cancellation, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        try
        {
            return await http.SendAsync(request, completion, cancellation).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new DockerEngineException(
                $"The Docker engine is not reachable at unix://{Socket} ({exception.InnerException?.Message ?? exception.Message}); start dockerd or point DOCKER_HOST / --docker-socket at its socket.", exception);
        }
    }

    private static string Message(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["message"]?.GetValue<string>() ?? text.Trim();
        }
        catch (JsonException)
        {
            return text.Trim();
        }
    }
}
