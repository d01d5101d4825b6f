using System.IO.Compression;
using Tollgate.Evidence;
using Tollgate.Gates;
using Tollgate.Gates.Cache;
using Tollgate.Gates.Package;
using Tollgate.Tests.Gates;
using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Cache;

/// <summary>Package through the result cache, with tools that write what the real ones would: the pack and each SBOM reused for the same commit, sources and commands.</summary>
public sealed class PackageCacheTests : IDisposable
{
    private readonly TempDirectory root = new();
    private readonly TempDirectory store = new(withNuke: false);
    private readonly string library;
    private readonly FakeTools tools;

    public PackageCacheTests()
    {
        library = root.Write("src/Lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        root.Write("src/Lib/Calc.cs", "class Calc {}\n");
        tools = new FakeTools(spec =>
        {
            switch (spec.Arguments[0])
            {
                case "tool":
                    StepHookTests.Install(spec);
                    break;
                case "pack":
                    using (var zip = ZipFile.Open(Path.Combine(FakeTools.After(spec, "--output"), "Lib.1.2.3.nupkg"), ZipArchiveMode.Create))
                    {
                        using var entry = new StreamWriter(zip.CreateEntry("Calc.cs").Open());
                        entry.Write(File.ReadAllText(Path.Combine(root.Path, "src", "Lib", "Calc.cs")));
                    }

                    break;
                default: // dotnet-CycloneDX <project> --output <dir> --filename <name>
                    File.WriteAllText(Path.Combine(FakeTools.After(spec, "--output"), FakeTools.After(spec, "--filename")), """{ "bomFormat": "CycloneDX" }""");
                    break;
            }

            return (0, "");
        });
    }

    public void Dispose()
    {
        root.Dispose();
        store.Dispose();
    }

    private int Packs => tools.Runs.Count(r => r.Arguments[0] == "pack");

    private int Sboms => tools.Runs.Count(r => Path.GetFileName(r.FileName) == "dotnet-CycloneDX");

    private Task<GateResult> PackageAsync(string commit = "abc1234def") =>
        new PackageStep(tools.Runner, new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence")), _ => { }, ToolHooks.None,
                new CacheContext(new ResultCache(CacheMode.ReadWrite, [new LocalCacheStore(store.Path)], new CacheOrigin(commit, "ci-7", DateTimeOffset.UtcNow), _ => { }, _ => { }), new SourceDigests(root.Path), "1.0.0 test"))
            .RunAsync(new PackageInputs
            {
                Scope = new BuildScope(root.Path, [new ProjectInfo(library, "net10.0", false, Path.Combine(root.Path, "Lib.dll"), "", "10.0.100")], Path.Combine(root.Path, "Lib.slnx"), "Release", []),
                Version = new BuildVersion("1.2.3", "1.2.3", $"1.2.3+{commit}", "1.0.0.0", "1.2.3", commit, "main", "git"),
                Paths = new PackagePaths(Path.Combine(root.Path, "artifacts", "packages"), Path.Combine(root.Path, "artifacts", "publish"), Path.Combine(root.Path, "artifacts", "sbom")),
                Publishing = new PackagePublishing(null, null, null, null, "/nonexistent.sock", _ => Task.FromResult<string?>(null)),
                CycloneDx = new PinnedTool(Path.Combine(root.Path, "tools"), "5.5.0"),
            }, CancellationToken.None);

    private static IEnumerable<(string Kind, string Name, string? Digest)> Artifacts(GateResult result) =>
        result.Findings.Where(f => f.Kind == "artifact").Select(f => (f.Message, f.Rule!, f.Detail));

    [Fact]
    public async Task The_same_commit_s_packages_and_sboms_are_restored_with_the_same_digests_and_no_tool_runs()
    {
        var fresh = await PackageAsync();
        Assert.True(fresh.Status == GateStatus.Passed, $"{fresh.Status}: {string.Join("; ", fresh.Reasons)}");
        Assert.Equal((1, 1), (Packs, Sboms));
        File.Delete(Path.Combine(root.Path, "artifacts", "sbom", "Lib.cdx.json"));

        var reused = await PackageAsync();

        Assert.True(reused.Status == GateStatus.Passed, $"{reused.Status}: {string.Join("; ", reused.Reasons)}");
        Assert.Equal((1, 1), (Packs, Sboms));
        Assert.Equal(["packages", "sbom Lib"], reused.Reused.Select(r => r.Unit));
        Assert.Equal("1.2.3: 1 package(s), 0 image(s) (packages and sbom Lib reused from abc1234)", reused.Headline);
        Assert.Equal(Artifacts(fresh), Artifacts(reused));
        Assert.True(File.Exists(Path.Combine(root.Path, "artifacts", "packages", "Lib.1.2.3.nupkg")));
        Assert.True(File.Exists(Path.Combine(root.Path, "artifacts", "sbom", "Lib.cdx.json")));
    }

    [Fact]
    public async Task Another_commit_packs_again_and_a_changed_source_writes_the_sbom_again_too()
    {
        await PackageAsync();

        await PackageAsync("fed4321cba");
        Assert.Equal((2, 1), (Packs, Sboms)); // the commit is in the version's properties; an SBOM names no commit

        root.Write("src/Lib/Calc.cs", "class Calc { int changed; }\n");
        var changed = await PackageAsync("fed4321cba");
        Assert.Equal((3, 2), (Packs, Sboms));
        Assert.Empty(changed.Reused);
    }
}
