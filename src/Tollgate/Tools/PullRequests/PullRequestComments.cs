using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tollgate.Tools.PullRequests;

/// <summary>Where a comment landed: created or updated, and its id.</summary>
internal sealed record PostedComment(bool Created, string Id);

/// <summary>
/// One comment per pull request, kept current: the host's comments are searched for <c>marker</c>; the one that has it
/// is updated, else one is created. So every push updates the same comment instead of adding another.
/// </summary>
internal abstract class PullRequestComments(HttpClient http)
{
    /// <summary>The comments of a pull request, looked at a page of 100 at a time.</summary>
    private const int PageSize = 100;

    /// <summary>The most pages searched for the marker (10,000 comments).</summary>
    private const int MaxPages = 100;

    /// <summary>The client the requests go through.</summary>
    protected HttpClient Http { get; } = http;

    /// <summary>Creates or updates the comment holding <paramref name="marker"/> with <paramref name="body"/>.</summary>
    /// <exception cref="InvalidDataException">The host refused; the message names the status and the host's words, never the token.</exception>
    public async Task<PostedComment> UpsertAsync(string body, string marker, CancellationToken cancellation)
    {
        for (var page = 1; page <= MaxPages; page++)
        {
            using var response = await Http.SendAsync(ListRequest(page, PageSize), cancellation).ConfigureAwait(false);
            await EnsureAsync(response, "list the comments", cancellation).ConfigureAwait(false);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
            var comments = document.RootElement.EnumerateArray().ToList();
            var ours = comments.FirstOrDefault(c => c.TryGetProperty("body", out var text) && text.GetString()?.Contains(marker, StringComparison.Ordinal) == true);
            if (ours.ValueKind == JsonValueKind.Object)
            {
                var id = ours.GetProperty("id").GetRawText();
                using var updated = await Http.SendAsync(UpdateRequest(id, body), cancellation).ConfigureAwait(false);
                await EnsureAsync(updated, "update the comment", cancellation).ConfigureAwait(false);
                return new PostedComment(false, id);
            }

            if (comments.Count < PageSize)
            {
                break;
            }
        }

        using var created = await Http.SendAsync(CreateRequest(body), cancellation).ConfigureAwait(false);
        await EnsureAsync(created, "create the comment", cancellation).ConfigureAwait(false);
        using var answer = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
        return new PostedComment(true, answer.RootElement.GetProperty("id").GetRawText());
    }

    /// <summary>The request for one page of the comments.</summary>
    protected abstract HttpRequestMessage ListRequest(int page, int size);

    /// <summary>The request that replaces comment <paramref name="id"/>'s body.</summary>
    protected abstract HttpRequestMessage UpdateRequest(string id, string body);

    /// <summary>The request that adds a comment.</summary>
    protected abstract HttpRequestMessage CreateRequest(string body);

    /// <summary>A JSON body <c>{"body": …}</c>.</summary>
    protected static JsonContent Body(string body) => JsonContent.Create(new Dictionary<string, string> { ["body"] = body });

    /// <summary>A request with the host's auth header.</summary>
    protected static HttpRequestMessage Request(HttpMethod method, string url, (string Name, string Value) auth, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (auth.Name == "Authorization")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth.Value);
        }
        else
        {
            request.Headers.Add(auth.Name, auth.Value);
        }

        request.Headers.UserAgent.ParseAdd("Tollgate");
        return request;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellation)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            throw new InvalidDataException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)} could not {what}: {(int)response.StatusCode} {response.ReasonPhrase} {text[..Math.Min(200, text.Length)].ReplaceLineEndings(" ")}; check that the token may comment on the pull request.");
        }
    }
}
