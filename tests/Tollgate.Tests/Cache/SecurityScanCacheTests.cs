using Tollgate.Evidence;
using Tollgate.Gates.Cache;
using Tollgate.Gates.SecurityScan;
using Tollgate.IO;
using Tollgate.Tests.Security;
using Tollgate.Tests.Support;
using Tollgate.Tools;

namespace Tollgate.Tests.Cache;

/// <summary>SecurityScan's units in the result cache: the secret scan by the content it would read, the NuGet audit and Trivy's scans for the policy's hours.</summary>
public sealed class SecurityScanCacheTests : IDisposable
{
    private readonly TempDirectory root = new();
    private readonly TempDirectory store = new(withNuke: false);
    private readonly List<string> said = [];

    public void Dispose()
    {
        root.Dispose();
        store.Dispose();
    }

    private CacheContext Context(DateTimeOffset? at = null) =>
        new(new ResultCache(CacheMode.ReadWrite, [new LocalCacheStore(store.Path)], new CacheOrigin("abc1234def", "ci-7", at ?? DateTimeOffset.UtcNow), _ => { }, _ => { }), new SourceDigests(root.Path), "1.0.0 test");

    private async Task<(GateResult Result, FakeTools Tools)> ScanAsync(params string[] files)
    {
        root.Write(".nuke/security.json", """{ "waivers": [ { "scanner": "nuget-audit", "reason": "secret scan only" }, { "scanner": "trivy", "reason": "secret scan only" } ] }""");
        var tools = new FakeTools(spec => spec.FileName == "git" ? (0, string.Join('\n', files) + "\n") : (1, ""));
        var result = await new SecurityScanStep(tools.Runner, new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence")), said.Add, _ => { }, Context()).RunAsync(new SecurityScanInputs
        {
            Scope = new SecurityScope(root.Path, "", null, "no solution", []),
            FailOn = ["critical", "high"],
            Trivy = new TrivyOptions("trivy", true, "0.58.0", ToolHooks.None, new Dictionary<string, string>()),
            WorkDirectory = Path.Combine(root.Path, ".nuke", "temp", "security"),
            TollgateVersion = "0.0.0",
            AuditCacheHours = 24,
        }, CancellationToken.None);
        return (result, tools);
    }

    [Fact]
    public async Task An_unchanged_repository_s_secret_scan_is_reused_with_its_findings_and_a_changed_file_is_scanned_again()
    {
        root.Write("config/app.txt", $"key = {PlantedSecrets.AwsKeyId}\n");
        root.Write("src/Code.cs", "class Code {}\n");
        var (fresh, _) = await ScanAsync("config/app.txt", "src/Code.cs");
        Assert.True(fresh.Status == GateStatus.Failed, $"{fresh.Status}: {string.Join("; ", fresh.Reasons)}");
        Assert.Empty(fresh.Reused);

        root.Write("artifacts/evidence/manifest.json", "{}"); // Tollgate's own outputs, which the scanner never reads, are no change
        var (reused, _) = await ScanAsync("config/app.txt", "src/Code.cs", "artifacts/evidence/manifest.json");

        Assert.True(reused.Status == GateStatus.Failed, $"{reused.Status}: {string.Join("; ", reused.Reasons)}");
        Assert.Equal(SecurityScanCache.SecretsUnit, Assert.Single(reused.Reused).Unit);
        Assert.Equal(fresh.Findings.Select(f => (f.File, f.Line, f.Rule, f.Detail)), reused.Findings.Select(f => (f.File, f.Line, f.Rule, f.Detail)));
        Assert.Equal(fresh.Reasons, reused.Reasons);
        Assert.Contains(said, s => s.StartsWith("Secret scan: 2 files unchanged since the scan reused from abc1234", StringComparison.Ordinal));

        root.Write("src/Code.cs", $"class Code {{ const string Key = \"{PlantedSecrets.AwsKeyId}\"; }}\n");
        var (changed, _) = await ScanAsync("config/app.txt", "src/Code.cs");
        Assert.Empty(changed.Reused);
        Assert.Equal(["config/app.txt", "src/Code.cs"], changed.Findings.Where(f => f.Kind == "secret").Select(f => f.File).Order(StringComparer.Ordinal));

        var (listed, _) = await ScanAsync("config/app.txt");
        Assert.Empty(listed.Reused); // a file no longer listed is a change too
    }

    [Fact]
    public void A_link_is_keyed_by_what_it_is_and_never_followed()
    {
        using var outside = new TempDirectory(withNuke: false);
        outside.Write("secret.txt", "nothing here\n");
        File.CreateSymbolicLink(Path.Combine(root.Path, "linked.txt"), Path.Combine(outside.Path, "secret.txt"));
        var cache = new SecurityScanCache(Context(), TimeSpan.FromHours(24));
        var before = cache.SecretsIngredients(root.Path, [RawPath.FromText("linked.txt")]);

        outside.Write("secret.txt", $"key = {PlantedSecrets.AwsKeyId}\n");

        Assert.Equal(before.Key, cache.SecretsIngredients(root.Path, [RawPath.FromText("linked.txt")]).Key);
        Assert.Equal("link", before.Values["file:linked.txt"]);
    }

    [Fact]
    public async Task An_audit_is_reused_for_the_policy_s_hours_and_only_a_scan_that_ran_is_stored()
    {
        root.Write("src/A/A.csproj", "<Project />");
        var projects = new[] { Path.Combine(root.Path, "src", "A", "A.csproj") };
        var audit = new ScanOutput(new ScannerRun(ScannerNames.NuGetAudit, ScannerState.Ran, "10.0.100"),
            [new Finding { Kind = "vulnerability", Message = "GHSA-1 in Old 1.0.0", Package = "Old", Severity = "high", Scanner = ScannerNames.NuGetAudit }], [("nuget-vulnerable.json", "{}")]);
        KeyIngredients Key(SecurityScanCache cache) => cache.AuditIngredients(projects, Path.Combine(root.Path, "A.slnx"), [], ["https://audit.invalid/index.json"], "10.0.100");

        var yesterday = new SecurityScanCache(Context(DateTimeOffset.UtcNow.AddHours(-25)), TimeSpan.FromHours(24));
        await yesterday.StoreAsync(SecurityScanCache.AuditUnit, Key(yesterday), audit, CancellationToken.None);
        var today = new SecurityScanCache(Context(), TimeSpan.FromHours(24));
        Assert.Null(await today.ReadAsync(SecurityScanCache.AuditUnit, Key(today), said.Add, CancellationToken.None));
        Assert.Contains(said, s => s.Contains("is older than 24 hours (--audit-cache-hours)", StringComparison.Ordinal));

        await today.StoreAsync(SecurityScanCache.AuditUnit, Key(today), audit, CancellationToken.None);
        var kept = await new SecurityScanCache(Context(), TimeSpan.FromHours(24)).ReadAsync(SecurityScanCache.AuditUnit, Key(today), said.Add, CancellationToken.None);
        Assert.NotNull(kept);
        Assert.Equal(("Old", "high", "10.0.100"), (Assert.Single(kept.Findings).Package, kept.Findings[0].Severity, kept.Run.Version));
        Assert.Equal(audit.Reports, kept.Reports);

        root.Write("src/A/A.csproj", """<Project><ItemGroup><PackageReference Include="Old" Version="1.0.1" /></ItemGroup></Project>""");
        var changed = new SecurityScanCache(Context(), TimeSpan.FromHours(24));
        Assert.Null(await changed.ReadAsync(SecurityScanCache.AuditUnit, Key(changed), said.Add, CancellationToken.None));

        var missing = ScanOutput.NotRun(ScannerNames.NuGetAudit, ScannerState.Missing, "no source serves vulnerability data");
        await changed.StoreAsync(SecurityScanCache.AuditUnit, Key(changed), missing, CancellationToken.None);
        Assert.Null(await changed.ReadAsync(SecurityScanCache.AuditUnit, Key(changed), said.Add, CancellationToken.None));
    }

    [Fact]
    public async Task Trivy_s_scans_of_an_unchanged_repository_are_reused_and_a_changed_file_hook_or_image_scans_again()
    {
        root.Write(".nuke/security.json", """{ "waivers": [ { "scanner": "nuget-audit", "reason": "Trivy only" } ] }""");
        root.Write("src/packages.lock.json", "{}");
        var tools = FakeTools.GitAndTrivy("src/packages.lock.json");
        int Scans() => tools.Runs.Count(r => r.FileName == "trivy" && r.Arguments[0] is "fs" or "config" or "image");
        async Task<GateResult> ScanAsync(ToolHooks hooks, params string[] images) =>
            await new SecurityScanStep(tools.Runner, new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence")), said.Add, _ => { }, Context()).RunAsync(new SecurityScanInputs
            {
                Scope = new SecurityScope(root.Path, "", null, "no solution", []),
                FailOn = ["critical", "high"],
                Trivy = new TrivyOptions("trivy", true, "0.58.0", hooks, new Dictionary<string, string>()),
                WorkDirectory = Path.Combine(root.Path, ".nuke", "temp", "security"),
                TollgateVersion = "0.0.0",
                AuditCacheHours = 24,
                Images = _ => Task.FromResult<IReadOnlyList<string>>(images),
            }, CancellationToken.None);

        var fresh = await ScanAsync(ToolHooks.None);
        Assert.True(fresh.Status == GateStatus.Passed, $"{fresh.Status}: {string.Join("; ", fresh.Reasons)}");
        Assert.Equal(2, Scans());
        root.Write("src/bin/Release/out.dll", "built"); // Trivy skips build output: no change
        var reused = await ScanAsync(ToolHooks.None);
        Assert.Equal(2, Scans());
        Assert.Equal(["secret scan", "trivy scan"], reused.Reused.Select(r => r.Unit));
        Assert.Equal("0.58.1", reused.Tools["trivy"]);

        root.Write("deploy/Dockerfile", "FROM scratch\n"); // a file git does not list is still one Trivy reads
        await ScanAsync(ToolHooks.None);
        Assert.Equal(4, Scans());

        await ScanAsync(ToolHooks.None.With<TrivySettings>(t => t.AddArguments("--severity", "HIGH")));
        Assert.Equal(6, Scans());

        await ScanAsync(ToolHooks.None, "registry.invalid/app:1");
        Assert.Equal(9, Scans()); // images are scanned every time, and the repository with them
    }
}
