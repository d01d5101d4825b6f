using System.Text.Json;
using System.Xml.Linq;
using Tollgate.Engine;
using Tollgate.IO;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Package;

/// <summary>The same commit packed in two checkouts, at two paths and two times: the same bytes, and the tests still measured.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(PipelineRunsCollection))]
public sealed class ReproduciblePackageTests
{
    /// <summary>A build that tests, measures and packages.</summary>
    public sealed class MeasuredPackageBuild : TollgateBuild, ICoverage, IPackage, IUseSharedTools;

    [Fact]
    public async Task One_commit_packed_in_two_checkouts_gives_byte_identical_packages_and_coverage_still_finds_the_sources()
    {
        using var origin = new SampleRepository();
        // No collector of its own: Tollgate hands the test project coverlet's, which finds the sources of a reproducible build only through Tollgate's mapping.
        origin.Write("tests/Sample.Tests/Sample.Tests.csproj", origin.Read("tests/Sample.Tests/Sample.Tests.csproj")
            .Replace("    <PackageReference Include=\"coverlet.collector\" Version=\"6.0.4\" />\n", "", StringComparison.Ordinal));
        var git = await GitRepository.InitAsync(origin.Root);
        await git.CommitAsync("sample");
        await git.TagAsync("v2.1.0");
        using var checkouts = new TempDirectory(withNuke: false);
        var first = Path.Combine(checkouts.Path, "first");
        var second = Path.Combine(checkouts.Path, "agents", "7", "work", "second");
        foreach (var checkout in new[] { first, second })
        {
            var cloned = await Shell.RunAsync(checkouts.Path, "git", ["clone", "--quiet", origin.Root, checkout]);
            Assert.True(cloned.ExitCode == 0, cloned.Error);
        }

        var measured = await HostRun.RunAsync<MeasuredPackageBuild>(first, ["Test", "Coverage", "Package", "--required-gates", "Test", "Coverage"]);
        var packed = await HostRun.RunAsync<PackageBuild>(second, ["Package", "--required-gates"]);

        Assert.True(File.Exists(Path.Combine(first, "artifacts", "evidence", "gates", "coverage.json")), measured.Output + measured.Error);
        var coverage = Gate.Read(Path.Combine(first, "artifacts", "evidence"), "Coverage");
        Assert.True(coverage.Status == "passed", $"{coverage.Status}: {string.Join("; ", coverage.Reasons)}\n{measured.Output}{measured.Error}");
        Assert.StartsWith("96.43 % lines", coverage.Headline, StringComparison.Ordinal); // 27/28: what bare dotnet test with coverlet prints for the sample, built the usual way
        // The bare tool on the same sources, built the usual way with the sample's own collector: the same lines covered of the same lines.
        using var bareSample = new SampleRepository();
        var bare = await Shell.RunAsync(bareSample.Root, "dotnet", ["test", "-c", "Release", "--nologo", "--collect", "XPlat Code Coverage", "--results-directory", "bare-coverage"], TimeSpan.FromMinutes(5));
        Assert.True(bare.ExitCode == 0, bare.Output + bare.Error);
        var cobertura = XDocument.Load(Directory.GetFiles(Path.Combine(bareSample.Root, "bare-coverage"), "coverage.cobertura.xml", SearchOption.AllDirectories).Single()).Root!;
        Assert.Equal(
            ((double)cobertura.Attribute("lines-covered")!, (double)cobertura.Attribute("lines-valid")!),
            (coverage.Metric("linesCovered").GetDouble(), coverage.Metric("linesValid").GetDouble()));
        Assert.True(measured.ExitCode == ExitCodes.Success, measured.Output + measured.Error);
        Assert.True(packed.ExitCode == ExitCodes.Success, packed.Output + packed.Error);
        foreach (var name in new[] { "Sample.2.1.0.nupkg", "Sample.2.1.0.snupkg" })
        {
            var (one, other) = (Path.Combine(first, "artifacts", "packages", name), Path.Combine(second, "artifacts", "packages", name));
            Assert.True(FileDigest.Sha256(one) == FileDigest.Sha256(other), $"{name} differs between the checkouts");
            Assert.Equal("sha256:" + FileDigest.Sha256(one), Digest(first, name));
            Assert.Equal(Digest(first, name), Digest(second, name));
        }

        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(second, "artifacts", "packages", "Sample.2.1.0.nupkg"));
        Assert.All(zip.Entries, e => Assert.Equal(ZipTimestamps.Fixed, e.LastWriteTime.DateTime));
        using var shipped = new MemoryStream();
        zip.GetEntry("lib/net10.0/Sample.dll")!.Open().CopyTo(shipped);
        Assert.DoesNotContain("agents/7/work", System.Text.Encoding.UTF8.GetString(shipped.ToArray()), StringComparison.Ordinal);
    }

    private static string Digest(string checkout, string name)
    {
        using var artifacts = JsonDocument.Parse(File.ReadAllText(Path.Combine(checkout, "artifacts", "evidence", "artifacts.json")));
        return artifacts.RootElement.GetProperty("artifacts").EnumerateArray()
            .Single(a => a.GetProperty("location").GetString() == $"artifacts/packages/{name}").GetProperty("digest").GetString()!;
    }
}
