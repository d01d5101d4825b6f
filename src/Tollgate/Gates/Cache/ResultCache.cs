using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Gates.Cache;

/// <summary>
/// The run's result cache: entries by key in the local folder and, when given, a shared HTTP cache (read from the local
/// folder first; what the shared cache gives is kept locally too). A corrupt or altered entry is a miss and a warning, never
/// a result; a store that cannot be reached is a warning and the run goes on without it. With <c>--explain-cache</c> a miss
/// says which ingredients changed since the unit was last stored (the cache keeps each unit's last ingredients beside its entries).
/// </summary>
internal sealed class ResultCache
{
    private readonly List<ICacheStore> stores;
    private readonly Action<string> warn;
    private readonly Action<string> say;
    private readonly object gate = new();
    private readonly byte[]? signingKey;
    private readonly HashSet<string> setAside = new(StringComparer.Ordinal);
    private long ticks;

    /// <summary>A cache over <paramref name="stores"/> (the local one first).</summary>
    /// <param name="mode">How the run uses it.</param>
    /// <param name="stores">Where entries are kept, the local folder first.</param>
    /// <param name="origin">What this run stores its results as.</param>
    /// <param name="warn">Says a refused entry or an unreachable store.</param>
    /// <param name="say">Says why a unit missed, when explaining.</param>
    /// <param name="explain">Whether a miss says which ingredients changed.</param>
    /// <param name="signingKey">A shared secret: entries stored are signed with it, and entries read must be (null: unsigned entries).</param>
    public ResultCache(CacheMode mode, IReadOnlyList<ICacheStore> stores, CacheOrigin origin, Action<string> warn, Action<string> say, bool explain = false, byte[]? signingKey = null)
    {
        this.signingKey = signingKey;
        Mode = stores.Count == 0 ? CacheMode.Off : mode;
        this.stores = [.. stores];
        Origin = origin;
        this.warn = warn;
        this.say = say;
        Explain = explain;
    }

    /// <summary>A cache that reads and writes nothing.</summary>
    public static ResultCache Off { get; } = new(CacheMode.Off, [], new CacheOrigin(null, "local", DateTimeOffset.UnixEpoch), _ => { }, _ => { });

    /// <summary>How the run uses it.</summary>
    public CacheMode Mode { get; }

    /// <summary>What this run stores its results as.</summary>
    public CacheOrigin Origin { get; }

    /// <summary>Whether a miss says which ingredients changed.</summary>
    public bool Explain { get; }

    /// <summary>Units found.</summary>
    public int Hits { get; private set; }

    /// <summary>Units looked up and not found (or refused).</summary>
    public int Misses { get; private set; }

    /// <summary>Units stored.</summary>
    public int Stored { get; private set; }

    /// <summary>The time spent reading, checking and writing entries (the cache's own cost).</summary>
    public TimeSpan Spent => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    /// <summary>The stores still in use, for messages.</summary>
    public IReadOnlyList<string> StoreNames
    {
        get
        {
            lock (gate)
            {
                return stores.Select(s => s.Name).ToList();
            }
        }
    }

    /// <summary>Works out a key's ingredients, counting the time as the cache's own cost.</summary>
    public T Measure<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return work();
        }
        finally
        {
            Interlocked.Add(ref ticks, clock.Elapsed.Ticks);
        }
    }

    /// <summary>The entry stored under <paramref name="ingredients"/>' key, checked; null on a miss (with the reason when explaining).</summary>
    public async Task<CacheEntry?> ReadAsync(string gateName, string unit, KeyIngredients ingredients, CancellationToken cancellation)
    {
        if (!Mode.Reads())
        {
            return null;
        }

        ingredients = Named(gateName, unit, ingredients);
        var clock = Stopwatch.StartNew();
        try
        {
            var key = ingredients.Key;
            var tried = new List<ICacheStore>();
            foreach (var store in Current())
            {
                var blob = await Guarded(store, s => s.GetAsync(key, cancellation)).ConfigureAwait(false);
                if (blob is not null)
                {
                    try
                    {
                        var entry = CacheEntry.Unpack(blob, key, signingKey);
                        foreach (var earlier in tried)
                        {
                            await PutAsync(earlier, key, blob, cancellation).ConfigureAwait(false);
                        }

                        Count(hit: true);
                        SetAside(key);
                        return entry;
                    }
                    catch (InvalidDataException exception)
                    {
                        warn($"Cache entry {key[..12]}… of {gateName} {unit} in {store.Name} is refused and the unit runs: {exception.Message}");
                        SetAside(key);
                    }
                }

                tried.Add(store);
            }

            Count(hit: false);
            if (Explain)
            {
                say($"Cache miss: {gateName} {unit} (key {key[..12]}…): {await ExplainAsync(gateName, unit, ingredients, cancellation).ConfigureAwait(false)}");
            }

            return null;
        }
        finally
        {
            Interlocked.Add(ref ticks, clock.Elapsed.Ticks);
        }
    }

    /// <summary>Stores a unit's result under its key, with the unit's last ingredients beside it; nothing when the run does not write.</summary>
    /// <param name="gateName">The gate.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="ingredients">What its result depends on.</param>
    /// <param name="data">Values stored with it.</param>
    /// <param name="files">Files stored with it.</param>
    /// <param name="cancellation">Stops the writes.</param>
    /// <param name="replace">Replace an entry already stored under the key (a forced full run's fresh results); an entry this run read and then ran anyway (refused, or too old for its gate), and every entry of a <c>--cache write</c> run, is replaced regardless.</param>
    public async Task WriteAsync(
        string gateName, string unit, KeyIngredients ingredients, IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellation, bool replace = false)
    {
        if (!Mode.Writes())
        {
            return;
        }

        ingredients = Named(gateName, unit, ingredients);
        var clock = Stopwatch.StartNew();
        try
        {
            var key = ingredients.Key;
            var blob = new CacheEntry { Key = key, Gate = gateName, Unit = unit, Origin = Origin, Ingredients = ingredients.Values, Data = data, Files = files }.Pack(signingKey);
            var pointer = Encoding.UTF8.GetBytes(new JsonObject
            {
                ["key"] = key,
                ["ingredients"] = new JsonObject(ingredients.Values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))),
            }.ToJsonString());
            var stored = false;
            lock (gate)
            {
                replace |= Mode == CacheMode.Write || setAside.Contains(key);
            }

            foreach (var store in Current())
            {
                if (replace || await Guarded(store, s => s.HasAsync(key, cancellation)).ConfigureAwait(false) is false)
                {
                    stored |= await PutAsync(store, key, blob, cancellation).ConfigureAwait(false);
                }

                await PutAsync(store, PointerName(gateName, unit), pointer, cancellation).ConfigureAwait(false);
            }

            if (stored)
            {
                lock (gate)
                {
                    Stored++;
                }
            }
        }
        finally
        {
            Interlocked.Add(ref ticks, clock.Elapsed.Ticks);
        }
    }

    private void SetAside(string key)
    {
        lock (gate)
        {
            setAside.Add(key);
        }
    }

    /// <summary>What changed since the unit's last stored ingredients, or why that cannot be said.</summary>
    private async Task<string> ExplainAsync(string gateName, string unit, KeyIngredients ingredients, CancellationToken cancellation)
    {
        foreach (var store in Current())
        {
            var pointer = await Guarded(store, s => s.GetAsync(PointerName(gateName, unit), cancellation)).ConfigureAwait(false);
            if (pointer is null)
            {
                continue;
            }

            try
            {
                var before = (JsonNode.Parse(pointer)?["ingredients"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
                var changes = KeyIngredients.Changes(before, ingredients.Values);
                return changes.Count == 0
                    ? "the ingredients are those last stored, but the entry is not there (removed, or refused)"
                    : string.Join("; ", changes.Take(20)) + (changes.Count > 20 ? $"; and {changes.Count - 20} more" : "");
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                return "the unit's last ingredients are unreadable";
            }
        }

        return "never stored before";
    }

    private Task<bool> PutAsync(ICacheStore store, string name, byte[] blob, CancellationToken cancellation) => Guarded(store, async s =>
    {
        await s.PutAsync(name, blob, cancellation).ConfigureAwait(false);
        return true;
    });

    /// <summary>The key a unit is stored under: its ingredients with the gate and the unit's name, so two units of equal content never share an entry.</summary>
    public static string KeyOf(string gateName, string unit, KeyIngredients ingredients) => Named(gateName, unit, ingredients).Key;

    private static KeyIngredients Named(string gateName, string unit, KeyIngredients ingredients) =>
        new KeyIngredients().Add(ingredients).Add("gate", gateName).Add("unit", unit);

    private static string PointerName(string gateName, string unit) =>
        "unit-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(gateName + "\n" + unit)));

    private List<ICacheStore> Current()
    {
        lock (gate)
        {
            return [.. stores];
        }
    }

    private void Count(bool hit)
    {
        lock (gate)
        {
            if (hit)
            {
                Hits++;
            }
            else
            {
                Misses++;
            }
        }
    }

    // A store that cannot be reached is dropped for the rest of the run, with one warning.
    private async Task<T?> Guarded<T>(ICacheStore store, Func<ICacheStore, Task<T>> operation)
    {
        try
        {
            return await operation(store).ConfigureAwait(false);
        }
        catch (CacheUnreachableException exception)
        {
            bool first;
            lock (gate)
            {
                first = stores.Remove(store);
            }

            if (first)
            {
                warn($"The result cache {store.Name} is not used for the rest of this run, whose units run instead: {exception.Message}");
            }

            return default;
        }
    }
}
