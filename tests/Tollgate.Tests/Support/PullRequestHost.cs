using System.Collections.Concurrent;
using System.Text.Json;

namespace Tollgate.Tests.Support;

/// <summary>
/// A local server playing a host's pull-request comment endpoints (GitHub's issue comments, GitLab's merge request
/// notes): GET lists the comments (someone else's first), POST adds one, PATCH or PUT replaces one; a request without
/// the expected auth header gets 401.
/// </summary>
internal sealed class PullRequestHost : IDisposable
{
    private readonly ConcurrentQueue<string> calls = new();
    private readonly ConcurrentDictionary<long, string> comments = new();
    private readonly LoopbackHttpServer server;
    private long next = 100;

    public PullRequestHost(string authHeader, string authValue, string listPath, string itemPath)
    {
        server = new LoopbackHttpServer(async (context, path) =>
        {
            calls.Enqueue($"{context.Request.HttpMethod} {path}");
            if (context.Request.Headers[authHeader] != authValue)
            {
                context.Response.StatusCode = 401;
                return;
            }

            var body = context.Request.HasEntityBody
                ? JsonDocument.Parse(await new StreamReader(context.Request.InputStream).ReadToEndAsync()).RootElement.GetProperty("body").GetString()!
                : null;
            string answer;
            if (context.Request.HttpMethod == "GET" && path == listPath)
            {
                answer = JsonSerializer.Serialize(new[] { new { id = 7L, body = "LGTM" } }.Concat(comments.OrderBy(c => c.Key).Select(c => new { id = c.Key, body = c.Value })));
            }
            else if (context.Request.HttpMethod == "POST" && path == listPath)
            {
                var id = Interlocked.Increment(ref next);
                comments[id] = body!;
                context.Response.StatusCode = 201;
                answer = JsonSerializer.Serialize(new { id, body });
            }
            else if (context.Request.HttpMethod is "PATCH" or "PUT" && path.StartsWith(itemPath, StringComparison.Ordinal)
                && long.TryParse(path[itemPath.Length..], out var id) && comments.ContainsKey(id))
            {
                comments[id] = body!;
                answer = JsonSerializer.Serialize(new { id, body });
            }
            else
            {
                context.Response.StatusCode = 404;
                answer = "{}";
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
        });
    }

    /// <summary>GitHub's API for pull request <paramref name="number"/> of <paramref name="repository"/>, with a bearer token.</summary>
    public static PullRequestHost GitHub(string repository, string number, string token) =>
        new("Authorization", $"Bearer {token}", $"repos/{repository}/issues/{number}/comments", $"repos/{repository}/issues/comments/");

    /// <summary>GitLab's API for merge request <paramref name="iid"/> of <paramref name="project"/> (a path, encoded), with a private token.</summary>
    public static PullRequestHost GitLab(string project, string iid, string token) =>
        new("PRIVATE-TOKEN", token, $"projects/{Uri.EscapeDataString(project)}/merge_requests/{iid}/notes", $"projects/{Uri.EscapeDataString(project)}/merge_requests/{iid}/notes/");

    /// <summary>The API's base URL.</summary>
    public string Url => server.Prefix;

    /// <summary>Every request, as <c>METHOD path</c>.</summary>
    public IReadOnlyCollection<string> Calls => calls;

    /// <summary>The comments Tollgate wrote, by id.</summary>
    public IReadOnlyDictionary<long, string> Comments => comments;

    public void Dispose() => server.Dispose();
}
