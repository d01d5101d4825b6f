using System.IO.Compression;
using Tollgate.IO;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Tools;

public sealed class ZipTimestampsTests : IDisposable
{
    private readonly TempDirectory directory = new(withNuke: false);

    public void Dispose() => directory.Dispose();

    private string Zip(string name, DateTimeOffset at)
    {
        var path = Path.Combine(directory.Path, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in new[] { ("lib/net10.0/A.dll", "assembly"), ("A.nuspec", "<package />"), ("empty.txt", "") })
        {
            var created = zip.CreateEntry(entry, CompressionLevel.Optimal);
            created.LastWriteTime = at;
            using var writer = new StreamWriter(created.Open());
            writer.Write(text);
        }

        return path;
    }

    [Fact]
    public void Two_zips_of_the_same_entries_made_at_different_times_become_the_same_bytes_and_stay_readable()
    {
        var morning = Zip("morning.nupkg", new DateTimeOffset(2026, 12, 6, 9, 15, 42, TimeSpan.Zero));
        var evening = Zip("evening.nupkg", new DateTimeOffset(2026, 12, 6, 21, 3, 8, TimeSpan.Zero));
        Assert.NotEqual(File.ReadAllBytes(morning), File.ReadAllBytes(evening));

        Assert.Equal(3, ZipTimestamps.Normalise(morning));
        Assert.Equal(3, ZipTimestamps.Normalise(evening));

        Assert.Equal(File.ReadAllBytes(morning), File.ReadAllBytes(evening));
        using var zip = ZipFile.OpenRead(evening);
        Assert.Equal(["lib/net10.0/A.dll", "A.nuspec", "empty.txt"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(ZipTimestamps.Fixed, e.LastWriteTime.DateTime));
        using var reader = new StreamReader(zip.GetEntry("A.nuspec")!.Open());
        Assert.Equal("<package />", reader.ReadToEnd());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_named_in_the_error_and_left_as_it_was()
    {
        var path = Path.Combine(directory.Path, "broken.nupkg");
        File.WriteAllText(path, "not a zip");

        var error = Assert.Throws<InvalidDataException>(() => ZipTimestamps.Normalise(path));

        Assert.Contains("broken.nupkg is not a zip file", error.Message, StringComparison.Ordinal);
        Assert.Equal("not a zip", File.ReadAllText(path));
    }
}
