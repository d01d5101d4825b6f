using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Gates.Cache;

/// <summary>
/// One unit's stored result: its key and the ingredients that made it, where it came from, a few values (<see cref="Data"/>)
/// and its files (a TRX file, a Cobertura file, a report's section), each with its SHA-256. Stored as a zip holding
/// <c>entry.json</c> and <c>files/…</c>; read back only when the key is the one asked for and every file has the digest
/// <c>entry.json</c> gives it, no file more, no path outside the entry.
/// </summary>
internal sealed record CacheEntry
{
    private const string Index = "entry.json";
    private const string Mac = "entry.mac";
    private const string FilesFolder = "files/";
    private const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>The unit's key.</summary>
    public required string Key { get; init; }

    /// <summary>The gate that stored it, e.g. <c>Test</c>.</summary>
    public required string Gate { get; init; }

    /// <summary>The unit, e.g. <c>tests/A.Tests/A.Tests.csproj (net10.0)</c>.</summary>
    public required string Unit { get; init; }

    /// <summary>The commit and run that produced it.</summary>
    public required CacheOrigin Origin { get; init; }

    /// <summary>What the key was made of.</summary>
    public required IReadOnlyDictionary<string, string> Ingredients { get; init; }

    /// <summary>Small values the gate keeps with the result (an exit code, counts).</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>The result's files by relative path (forward slashes).</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; init; } = new Dictionary<string, byte[]>();

    /// <summary>The entry as stored; with <paramref name="signingKey"/>, <c>entry.json</c>'s bytes are signed (HMAC-SHA256, <c>entry.mac</c>).</summary>
    public byte[] Pack(byte[]? signingKey = null)
    {
        var index = new JsonObject
        {
            ["key"] = Key,
            ["gate"] = Gate,
            ["unit"] = Unit,
            ["origin"] = new JsonObject { ["commit"] = Origin.Commit, ["run"] = Origin.Run, ["at"] = Origin.At.ToString("O") },
            ["ingredients"] = Object(Ingredients),
            ["data"] = Object(Data),
            ["files"] = new JsonObject(Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)Digest(f.Value)))),
        };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var indexBytes = System.Text.Encoding.UTF8.GetBytes(index.ToJsonString());
            Write(zip, Index, indexBytes);
            if (signingKey is not null)
            {
                Write(zip, Mac, System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, indexBytes))));
            }

            foreach (var (path, bytes) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                Write(zip, FilesFolder + Checked(path), bytes);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a stored entry back, checking it; with <paramref name="signingKey"/>, it must be signed with that key.</summary>
    /// <exception cref="InvalidDataException">It is not an entry, is stored under another key, a file is missing, added or altered, or its signature is missing or wrong.</exception>
    public static CacheEntry Unpack(byte[] blob, string key, byte[]? signingKey = null)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(blob), ZipArchiveMode.Read);
            var index = zip.GetEntry(Index) ?? throw new InvalidDataException("it has no entry.json");
            var indexBytes = Read(index);
            if (signingKey is not null)
            {
                var mac = zip.GetEntry(Mac) is { } signed ? System.Text.Encoding.ASCII.GetString(Read(signed)) : throw new InvalidDataException("it is not signed, and this run reads only entries signed with --cache-signing-key");
                if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(mac), System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, indexBytes)))))
                {
                    throw new InvalidDataException("its signature does not match --cache-signing-key (forged, or signed with another key)");
                }
            }

            var json = JsonNode.Parse(indexBytes) as JsonObject ?? throw new InvalidDataException("entry.json is not an object");
            var stored = json["key"]?.GetValue<string>();
            if (stored != key)
            {
                throw new InvalidDataException($"it is stored under key {key} but says it is {stored}");
            }

            var ingredients = Strings(json["ingredients"]);
            if (KeyIngredients.KeyOf(ingredients) != key)
            {
                throw new InvalidDataException("its ingredients do not make its key");
            }

            var digests = Strings(json["files"]);
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var item in zip.Entries.Where(e => e.FullName is not (Index or Mac)))
            {
                var path = item.FullName.StartsWith(FilesFolder, StringComparison.Ordinal) ? Checked(item.FullName[FilesFolder.Length..]) : throw new InvalidDataException($"it holds {item.FullName}, outside files/");
                var bytes = Read(item);
                if (!digests.TryGetValue(path, out var digest))
                {
                    throw new InvalidDataException($"it holds {path}, which entry.json does not list");
                }

                if (Digest(bytes) != digest)
                {
                    throw new InvalidDataException($"{path} does not have the digest entry.json gives it (altered)");
                }

                files[path] = bytes;
            }

            if (digests.Keys.FirstOrDefault(p => !files.ContainsKey(p)) is { } missing)
            {
                throw new InvalidDataException($"{missing} is listed but missing");
            }

            var origin = json["origin"] as JsonObject ?? throw new InvalidDataException("it has no origin");
            return new CacheEntry
            {
                Key = key,
                Gate = json["gate"]?.GetValue<string>() ?? throw new InvalidDataException("it names no gate"),
                Unit = json["unit"]?.GetValue<string>() ?? throw new InvalidDataException("it names no unit"),
                Origin = new CacheOrigin(
                    origin["commit"]?.GetValue<string>(), origin["run"]?.GetValue<string>() ?? "unknown",
                    DateTimeOffset.TryParse(origin["at"]?.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : DateTimeOffset.MinValue),
                Ingredients = ingredients,
                Data = Strings(json["data"]),
                Files = files,
            };
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(exception.Message, exception);
        }
    }

    /// <summary>Writes the entry's files below <paramref name="directory"/>.</summary>
    public void Restore(string directory)
    {
        foreach (var (path, bytes) in Files)
        {
            var target = Path.Combine(directory, Checked(path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
    }

    /// <summary>Every file below <paramref name="directory"/>, by relative path.</summary>
    public static IReadOnlyDictionary<string, byte[]> FilesBelow(string directory) =>
        !Directory.Exists(directory) ? new Dictionary<string, byte[]>()
            : Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static string Digest(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // A path inside the entry: relative, forward slashes, no "..", nothing rooted.
    private static string Checked(string path)
    {
        var parts = path.Split('/');
        return path.Length == 0 || path.Contains('\\') || Path.IsPathRooted(path) || parts.Any(p => p is "" or "." or "..")
            ? throw new InvalidDataException($"it names a file outside itself: '{path}'")
            : path;
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        var item = zip.CreateEntry(name, CompressionLevel.Fastest);
        item.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = item.Open();
        stream.Write(bytes);
    }

    private static byte[] Read(ZipArchiveEntry item)
    {
        if (item.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"{item.FullName} is larger than {MaxFileBytes} bytes");
        }

        using var stream = item.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static JsonObject Object(IReadOnlyDictionary<string, string> values) =>
        new(values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value)));

    private static Dictionary<string, string> Strings(JsonNode? node) =>
        (node as JsonObject ?? throw new InvalidDataException("a section of entry.json is not an object"))
            .ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "", StringComparer.Ordinal);
}
