using System.Collections.Concurrent;
using System.Text;
using Tollgate.Gates.Cache;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Cache;

public sealed class ResultCacheTests
{
    private static readonly CacheOrigin Origin = new("1a2b3c4d5e6f7a8b", "local", DateTimeOffset.UnixEpoch);
    private static readonly IReadOnlyDictionary<string, byte[]> Files = new Dictionary<string, byte[]> { ["results.trx"] = Encoding.UTF8.GetBytes("<TestRun />") };

    private readonly ConcurrentQueue<string> warnings = new();
    private readonly ConcurrentQueue<string> said = new();

    private ResultCache Open(CacheMode mode, bool explain = false, params ICacheStore[] stores) =>
        new(mode, stores, Origin, warnings.Enqueue, said.Enqueue, explain);

    private static KeyIngredients Ingredients(string content = "d1") => new KeyIngredients().Add("file:src/A.cs", content).Add("sdk", "10.0.100");

    [Fact]
    public async Task A_stored_unit_is_found_by_its_key_with_where_it_came_from()
    {
        using var folder = new TempDirectory(withNuke: false);
        var cache = Open(CacheMode.ReadWrite, false, new LocalCacheStore(folder.Path));

        Assert.Null(await cache.ReadAsync("Test", "u", Ingredients(), CancellationToken.None));
        await cache.WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);
        var entry = await cache.ReadAsync("Test", "u", Ingredients(), CancellationToken.None);

        Assert.NotNull(entry);
        Assert.Equal("1a2b3c4d5e6f7a8b", entry.Origin.Commit);
        Assert.Equal((1, 1, 1), (cache.Hits, cache.Misses, cache.Stored));
        Assert.Null(await cache.ReadAsync("Test", "u", Ingredients("d2"), CancellationToken.None));
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task An_entry_read_and_run_anyway_is_replaced_and_one_not_read_is_kept_unless_replacing_is_asked()
    {
        using var folder = new TempDirectory(withNuke: false);
        var store = new LocalCacheStore(folder.Path);
        ResultCache At(string commit, CacheMode mode = CacheMode.ReadWrite) => new(mode, [store], Origin with { Commit = commit }, warnings.Enqueue, said.Enqueue);
        async Task<string?> Stored() => (await At("reader").ReadAsync("Test", "u", Ingredients(), CancellationToken.None))?.Origin.Commit;
        await At("first").WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);

        await At("blind").WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);
        Assert.Equal("first", await Stored()); // a run that did not read it leaves it: the same key, the same result

        var stale = At("stale");
        Assert.NotNull(await stale.ReadAsync("Test", "u", Ingredients(), CancellationToken.None)); // its gate found it too old, say, and ran the unit
        await stale.WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);
        Assert.Equal("stale", await Stored());

        await At("forced").WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None, replace: true);
        Assert.Equal("forced", await Stored());
        await At("written", CacheMode.Write).WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);
        Assert.Equal("written", await Stored());
    }

    [Fact]
    public async Task Read_mode_stores_nothing_and_write_mode_reads_nothing()
    {
        using var folder = new TempDirectory(withNuke: false);
        var store = new LocalCacheStore(folder.Path);

        await Open(CacheMode.Read, false, store).WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));

        var writer = Open(CacheMode.Write, false, store);
        await writer.WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);
        Assert.Null(await writer.ReadAsync("Test", "u", Ingredients(), CancellationToken.None));
        Assert.NotNull(await Open(CacheMode.ReadWrite, false, store).ReadAsync("Test", "u", Ingredients(), CancellationToken.None));
    }

    [Fact]
    public async Task An_altered_entry_is_a_miss_and_a_warning()
    {
        using var folder = new TempDirectory(withNuke: false);
        var store = new LocalCacheStore(folder.Path);
        var cache = Open(CacheMode.ReadWrite, false, store);
        await cache.WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);
        var key = ResultCache.KeyOf("Test", "u", Ingredients());
        await store.PutAsync(key, CacheEntryTests.Rewrite((await store.GetAsync(key, CancellationToken.None))!, "files/results.trx", "<forged />"), CancellationToken.None);

        Assert.Null(await cache.ReadAsync("Test", "u", Ingredients(), CancellationToken.None));

        var warning = Assert.Single(warnings);
        Assert.Contains("is refused and the unit runs", warning, StringComparison.Ordinal);
        Assert.Contains("results.trx does not have the digest", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_is_one_warning_and_the_others_serve()
    {
        using var folder = new TempDirectory(withNuke: false);
        var local = new LocalCacheStore(folder.Path);
        using var closed = new HttpCacheStore($"http://127.0.0.1:{ClosedPort.Number}/cache", null, TimeSpan.FromSeconds(5));
        var cache = Open(CacheMode.ReadWrite, false, local, closed);

        await cache.WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);
        await cache.WriteAsync("Test", "v", Ingredients("d9"), new Dictionary<string, string>(), Files, CancellationToken.None);

        var warning = Assert.Single(warnings);
        Assert.Contains("is not used for the rest of this run", warning, StringComparison.Ordinal);
        Assert.NotNull(await cache.ReadAsync("Test", "u", Ingredients(), CancellationToken.None));
        Assert.Equal([folder.Path], cache.StoreNames);
    }

    [Fact]
    public async Task What_a_later_store_gives_is_kept_in_the_earlier_one()
    {
        using var near = new TempDirectory(withNuke: false);
        using var far = new TempDirectory(withNuke: false);
        await Open(CacheMode.ReadWrite, false, new LocalCacheStore(far.Path)).WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);

        var entry = await Open(CacheMode.Read, false, new LocalCacheStore(near.Path), new LocalCacheStore(far.Path)).ReadAsync("Test", "u", Ingredients(), CancellationToken.None);

        Assert.NotNull(entry);
        Assert.NotNull(await new LocalCacheStore(near.Path).GetAsync(ResultCache.KeyOf("Test", "u", Ingredients()), CancellationToken.None));
    }

    [Fact]
    public async Task Explaining_a_miss_names_the_ingredients_that_changed()
    {
        using var folder = new TempDirectory(withNuke: false);
        var store = new LocalCacheStore(folder.Path);
        await Open(CacheMode.ReadWrite, false, store).WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);

        var cache = Open(CacheMode.ReadWrite, true, store);
        Assert.Null(await cache.ReadAsync("Test", "u", Ingredients("d2"), CancellationToken.None));
        Assert.Null(await cache.ReadAsync("Test", "never", Ingredients(), CancellationToken.None));

        Assert.Equal(2, said.Count);
        Assert.Contains(said, s => s.StartsWith("Cache miss: Test u (key ", StringComparison.Ordinal) && s.EndsWith("changed file:src/A.cs", StringComparison.Ordinal));
        Assert.Contains(said, s => s.StartsWith("Cache miss: Test never", StringComparison.Ordinal) && s.EndsWith("never stored before", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Off_reads_and_writes_nothing()
    {
        using var folder = new TempDirectory(withNuke: false);
        var cache = Open(CacheMode.Off, false, new LocalCacheStore(folder.Path));

        await cache.WriteAsync("Test", "u", Ingredients(), new Dictionary<string, string>(), Files, CancellationToken.None);

        Assert.Null(await cache.ReadAsync("Test", "u", Ingredients(), CancellationToken.None));
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));
    }
}
