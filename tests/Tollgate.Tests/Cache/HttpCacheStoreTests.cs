using System.Collections.Concurrent;
using System.Net;
using Tollgate.Gates.Cache;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Cache;

public sealed class HttpCacheStoreTests
{
    [Fact]
    public async Task Blobs_go_up_with_put_and_come_back_with_get_carrying_the_credentials()
    {
        var blobs = new ConcurrentDictionary<string, byte[]>();
        var authorizations = new ConcurrentQueue<string?>();
        using var server = new LoopbackHttpServer(async (context, path) =>
        {
            authorizations.Enqueue(context.Request.Headers["Authorization"]);
            switch (context.Request.HttpMethod)
            {
                case "PUT":
                    using (var copy = new MemoryStream())
                    {
                        await context.Request.InputStream.CopyToAsync(copy);
                        blobs[path] = copy.ToArray();
                    }

                    context.Response.StatusCode = 201;
                    break;
                case "GET" or "HEAD" when blobs.TryGetValue(path, out var blob):
                    context.Response.StatusCode = 200;
                    if (context.Request.HttpMethod == "GET")
                    {
                        await context.Response.OutputStream.WriteAsync(blob);
                    }

                    break;
                default:
                    context.Response.StatusCode = 404;
                    break;
            }

            context.Response.Close();
        });
        using var store = new HttpCacheStore(server.Prefix + "cache", "ci:s3cret");

        Assert.False(await store.HasAsync("abcdef", CancellationToken.None));
        Assert.Null(await store.GetAsync("abcdef", CancellationToken.None));
        await store.PutAsync("abcdef", [1, 2, 3], CancellationToken.None);

        Assert.True(await store.HasAsync("abcdef", CancellationToken.None));
        Assert.Equal([1, 2, 3], await store.GetAsync("abcdef", CancellationToken.None));
        Assert.Equal([1, 2, 3], blobs["cache/abcdef"]);
        Assert.All(authorizations, a => Assert.Equal("Basic " + Convert.ToBase64String("ci:s3cret"u8.ToArray()), a));
        Assert.DoesNotContain("s3cret", store.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_is_unreachable_and_names_the_credentials_parameter()
    {
        using var server = new LoopbackHttpServer((context, _) =>
        {
            context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
            context.Response.Close();
            return Task.CompletedTask;
        });
        using var store = new HttpCacheStore(server.Prefix, "token");

        var error = await Assert.ThrowsAsync<CacheUnreachableException>(() => store.PutAsync("abcdef", [1], CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("--cache-credentials", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://cache.example.com/", "is not an http:// or https:// address")]
    [InlineData("https://user:pw@cache.example.com/", "give them with --cache-credentials")]
    public void A_bad_address_is_refused_with_the_fix(string url, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => new HttpCacheStore(url, null));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_cache_that_stops_mid_run_is_one_warning_and_the_run_goes_on_with_its_local_folder()
    {
        var blobs = new ConcurrentDictionary<string, byte[]>();
        using var server = new LoopbackHttpServer(async (context, path) =>
        {
            if (context.Request.HttpMethod == "PUT")
            {
                using var copy = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(copy);
                blobs[path] = copy.ToArray();
                context.Response.StatusCode = 201;
            }
            else
            {
                context.Response.StatusCode = blobs.ContainsKey(path) ? 200 : 404;
                if (context.Request.HttpMethod == "GET" && blobs.TryGetValue(path, out var blob))
                {
                    await context.Response.OutputStream.WriteAsync(blob);
                }
            }
        });
        using var local = new TempDirectory(withNuke: false);
        var warnings = new ConcurrentQueue<string>();
        using var shared = new HttpCacheStore(server.Prefix, null);
        var cache = new ResultCache(CacheMode.ReadWrite, [new LocalCacheStore(local.Path), shared], new CacheOrigin("abc1234", "ci-7", DateTimeOffset.UtcNow), warnings.Enqueue, _ => { });
        static KeyIngredients Unit(string name) => new KeyIngredients().Add("file:" + name, "d1");
        var files = new Dictionary<string, byte[]> { ["result.txt"] = [1, 2, 3] };

        await cache.WriteAsync("Test", "a", Unit("a"), new Dictionary<string, string>(), files, CancellationToken.None);
        Assert.Contains(ResultCache.KeyOf("Test", "a", Unit("a")), blobs.Keys);
        server.Dispose(); // the server stops between two units of the run

        Assert.Null(await cache.ReadAsync("Test", "b", Unit("b"), CancellationToken.None)); // the local folder misses, the server is gone
        await cache.WriteAsync("Test", "b", Unit("b"), new Dictionary<string, string>(), files, CancellationToken.None);
        Assert.NotNull(await cache.ReadAsync("Test", "a", Unit("a"), CancellationToken.None));
        Assert.NotNull(await cache.ReadAsync("Test", "b", Unit("b"), CancellationToken.None)); // stored in the local folder alone
        Assert.Null(await cache.ReadAsync("Test", "c", Unit("c"), CancellationToken.None));

        var warning = Assert.Single(warnings);
        Assert.StartsWith($"The result cache {shared.Name} is not used for the rest of this run", warning, StringComparison.Ordinal);
        Assert.Equal([local.Path], cache.StoreNames.Select(n => n.TrimEnd('/')));
        Assert.Equal((2, 2, 2), (cache.Hits, cache.Misses, cache.Stored));
    }
}
