using System.IO.Compression;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Cache;

/// <summary>
/// A real shared cache: nginx with WebDAV <c>PUT</c> on 127.0.0.1. Two checkouts at different paths, each with a local
/// folder of its own, share results through it; an entry altered on the server is refused and the unit runs; with the
/// server stopped the run warns and runs everything.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(CacheRunsCollection))]
public sealed class SharedCacheTests
{
    public sealed class SharedBuild : TollgateBuild, ITest, IUseSharedTools;

    [Fact]
    public async Task Two_checkouts_share_results_through_an_http_cache_that_is_checked_and_may_vanish()
    {
        using var server = await NginxCacheServer.StartAsync();
        using var first = new SampleRepository();
        using var second = new SampleRepository();
        async Task<(Gate Test, HostRun Run)> TestAsync(SampleRepository repository, params string[] extra)
        {
            using var local = new TempDirectory(withNuke: false);
            var run = await HostRun.RunAsync<SharedBuild>(repository.Root, ["Test", "--cache", "read-write", "--cache-directory", local.Path, "--cache-url", server.Url, "--cache-credentials", "ci:n0t-a-real-s3cret", "--cache-signing-key", "s1gning-k3y-of-the-agents", .. extra]);
            var gate = Gate.Read(repository.Evidence, "Test");
            gate.AssertStatus("passed");
            Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
            Assert.DoesNotContain("n0t-a-real-s3cret", run.Output + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("s1gning-k3y", run.Output + run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("n0t-a-real-s3cret", string.Concat(Directory.GetFiles(repository.Evidence, "*", SearchOption.AllDirectories).Select(File.ReadAllText)), StringComparison.Ordinal);
            return (gate, run);
        }

        var stored = await TestAsync(first);
        Assert.Empty(stored.Test.Reused);
        var entries = Directory.GetFiles(server.Data).Where(f => !Path.GetFileName(f).StartsWith("unit-", StringComparison.Ordinal)).ToList();
        Assert.Single(entries);

        using (var zip = ZipFile.OpenRead(entries[0]))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "entry.mac"); // signed with the agents' key
        }

        // The other checkout, another path, an empty local folder: the result comes from the server.
        var shared = await TestAsync(second);
        Assert.Equal(["tests/Sample.Tests/Sample.Tests.csproj (net10.0)"], shared.Test.Reused);
        Assert.Equal(stored.Test.Metric("passed").GetDouble(), shared.Test.Metric("passed").GetDouble());

        // An entry altered on the server: refused, with a warning, and the tests run.
        Alter(entries[0]);
        var altered = await TestAsync(second);
        Assert.Empty(altered.Test.Reused);
        Assert.Contains("is refused and the unit runs", altered.Run.Output + altered.Run.Error, StringComparison.Ordinal);
        Assert.Contains(altered.Test.Commands, c => c.Contains("Sample.Tests", StringComparison.Ordinal));

        // The server gone: a warning, a full run, a pass.
        server.Stop();
        var gone = await TestAsync(second);
        Assert.Empty(gone.Test.Reused);
        Assert.Contains("is not used for the rest of this run", gone.Run.Output + gone.Run.Error, StringComparison.Ordinal);
    }

    // Changes the TRX file inside a stored entry, its entry.json left as it was.
    private static void Alter(string entry)
    {
        using var zip = ZipFile.Open(entry, ZipArchiveMode.Update);
        var trx = zip.Entries.Single(e => e.FullName.EndsWith(".trx", StringComparison.Ordinal));
        string text;
        using (var reader = new StreamReader(trx.Open()))
        {
            text = reader.ReadToEnd();
        }

        var name = trx.FullName;
        trx.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text.Replace("outcome=\"Passed\"", "outcome=\"Failed\"", StringComparison.Ordinal));
    }
}
