using System.IO.Compression;
using System.Text;
using Tollgate.Gates.Cache;

namespace Tollgate.Tests.Cache;

public sealed class CacheEntryTests
{
    private static readonly CacheOrigin Origin = new("1a2b3c4d5e6f", "local", new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    internal static (CacheEntry Entry, KeyIngredients Ingredients) Sample()
    {
        var ingredients = new KeyIngredients().Add("file:src/A/Calc.cs", "abc").Add("sdk", "10.0.100");
        return (new CacheEntry
        {
            Key = ingredients.Key,
            Gate = "Test",
            Unit = "tests/A.Tests/A.Tests.csproj (net10.0)",
            Origin = Origin,
            Ingredients = ingredients.Values,
            Data = new Dictionary<string, string> { ["passed"] = "3" },
            Files = new Dictionary<string, byte[]> { ["results.trx"] = Encoding.UTF8.GetBytes("<TestRun />"), ["x/coverage.cobertura.xml"] = Encoding.UTF8.GetBytes("<coverage />") },
        }, ingredients);
    }

    [Fact]
    public void An_entry_reads_back_as_it_was_stored()
    {
        var (entry, ingredients) = Sample();

        var read = CacheEntry.Unpack(entry.Pack(), ingredients.Key);

        Assert.Equal(entry.Unit, read.Unit);
        Assert.Equal(Origin, read.Origin);
        Assert.Equal("3", read.Data["passed"]);
        Assert.Equal(entry.Ingredients, read.Ingredients);
        Assert.Equal(["results.trx", "x/coverage.cobertura.xml"], read.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("<coverage />", Encoding.UTF8.GetString(read.Files["x/coverage.cobertura.xml"]));
    }

    [Fact]
    public void The_same_entry_packs_to_the_same_bytes()
    {
        var (entry, _) = Sample();

        Assert.Equal(entry.Pack(), entry.Pack());
    }

    [Fact]
    public void A_file_altered_inside_the_entry_is_refused()
    {
        var (entry, ingredients) = Sample();
        var altered = Rewrite(entry.Pack(), "files/results.trx", "<TestRun outcome=\"forged\" />");

        var error = Assert.Throws<InvalidDataException>(() => CacheEntry.Unpack(altered, ingredients.Key));

        Assert.Contains("results.trx does not have the digest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_under_another_key_is_refused()
    {
        var (entry, _) = Sample();

        var error = Assert.Throws<InvalidDataException>(() => CacheEntry.Unpack(entry.Pack(), new string('0', 64)));

        Assert.Contains("stored under key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_whose_ingredients_do_not_make_its_key_is_refused()
    {
        var (entry, _) = Sample();
        var forged = entry with { Key = new string('f', 64) };

        var error = Assert.Throws<InvalidDataException>(() => CacheEntry.Unpack(forged.Pack(), forged.Key));

        Assert.Contains("ingredients do not make its key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_outside_the_entry_is_refused_when_packing_and_reading()
    {
        var (entry, ingredients) = Sample();
        Assert.Throws<InvalidDataException>(() => (entry with { Files = new Dictionary<string, byte[]> { ["../escape"] = [1] } }).Pack());

        var added = Rewrite(entry.Pack(), "files/../../escape.txt", "x");

        Assert.Throws<InvalidDataException>(() => CacheEntry.Unpack(added, ingredients.Key));
    }

    [Fact]
    public void A_signed_entry_reads_back_only_with_its_key_and_a_forged_one_not_at_all()
    {
        var (entry, ingredients) = Sample();
        var secret = "shared by the agents"u8.ToArray();
        var signed = entry.Pack(secret);

        Assert.Equal(entry.Unit, CacheEntry.Unpack(signed, ingredients.Key, secret).Unit);
        Assert.Contains("signed with another key", Assert.Throws<InvalidDataException>(() => CacheEntry.Unpack(signed, ingredients.Key, "another"u8.ToArray())).Message, StringComparison.Ordinal);
        Assert.Contains("is not signed", Assert.Throws<InvalidDataException>(() => CacheEntry.Unpack(entry.Pack(), ingredients.Key, secret)).Message, StringComparison.Ordinal);

        // A forger who rewrites a file and its digest in entry.json consistently: the digests agree, the signature does not.
        var forged = (entry with { Files = new Dictionary<string, byte[]> { ["results.trx"] = Encoding.UTF8.GetBytes("<forged />"), ["x/coverage.cobertura.xml"] = entry.Files["x/coverage.cobertura.xml"] } }).Pack();
        var withOldMac = Rewrite(forged, "entry.mac", Encoding.ASCII.GetString(ReadEntry(signed, "entry.mac")));
        Assert.Contains("signature does not match", Assert.Throws<InvalidDataException>(() => CacheEntry.Unpack(withOldMac, ingredients.Key, secret)).Message, StringComparison.Ordinal);
        Assert.Equal("<forged />", Encoding.UTF8.GetString(CacheEntry.Unpack(forged, ingredients.Key).Files["results.trx"])); // unsigned, digests alone cannot tell
    }

    [Fact]
    public void Garbage_is_no_entry()
    {
        Assert.Throws<InvalidDataException>(() => CacheEntry.Unpack(Encoding.UTF8.GetBytes("not a zip"), new string('0', 64)));
    }

    private static byte[] ReadEntry(byte[] blob, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(blob), ZipArchiveMode.Read);
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // The entry with one file's content replaced (or added), entry.json untouched.
    internal static byte[] Rewrite(byte[] blob, string name, string content)
    {
        using var buffer = new MemoryStream();
        buffer.Write(blob);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(content));
        }

        return buffer.ToArray();
    }
}
