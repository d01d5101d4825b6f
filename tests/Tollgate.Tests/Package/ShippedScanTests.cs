using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Security;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Package;

/// <summary>
/// Package scans the SBOMs it wrote with SecurityScan's policy before pushing (Trivy played by a stand-in replaying
/// Trivy's JSON): a finding at a failing severity publishes nothing; a suppression with a reason lets it through.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(PipelineRunsCollection))]
public sealed class ShippedScanTests
{
    [Fact]
    public async Task A_high_vulnerability_in_the_sbom_publishes_nothing_and_a_suppression_with_a_reason_lets_the_push_through()
    {
        using var sample = new SampleRepository();
        var git = await GitRepository.InitAsync(sample.Root);
        await git.CommitAsync("sample");
        await git.TagAsync("v1.4.0");
        using var tools = new TempDirectory(withNuke: false);
        var trivy = new TrivyStandIn(tools.Path, "0.58.1", new Dictionary<string, string> { ["sbom"] = TrivyReportReaderTests.Report("vulnerabilities") });
        var feed = Path.Combine(tools.Path, "feed");
        string[] package = ["Package", "--required-gates", "--nuget-feed", feed, "--trivy-executable", trivy.Path];

        var refused = await HostRun.RunAsync<ScannedPackageBuild>(sample.Root, package);

        Assert.Equal(ExitCodes.Failure, refused.ExitCode);
        Assert.False(Directory.Exists(feed), "nothing may be pushed when what ships does not pass the scan");
        var sbomCall = Assert.Single(trivy.ReadCalls(), c => c[0] == "sbom");
        Assert.Equal(Path.Combine(sample.Root, "artifacts", "sbom", "Sample.cdx.json"), sbomCall[^1]);
        Assert.DoesNotContain(trivy.ReadCalls(), c => c[0] is "fs" or "config");
        var gate = Gate.Read(sample.Evidence, "Package");
        Assert.Equal(("failed", "1.4.0: not published; 0 critical, 1 high"), (gate.Status, gate.Headline));
        Assert.Equal("Nothing was published: what it ships did not pass the security scan.", gate.Reasons[0]);
        Assert.Contains("1 high finding(s); the policy allows none at critical or high", gate.Reasons[1], StringComparison.Ordinal);
        Assert.Equal(1, gate.Metric("shipped-high").GetDouble());
        var cve = gate.Findings.Single(f => f.GetProperty("rule").GetString() == "CVE-2024-43485");
        Assert.Equal(("high", "System.Text.Json"), (cve.GetProperty("severity").GetString(), cve.GetProperty("package").GetString()));
        Assert.True(File.Exists(Path.Combine(sample.Evidence, "reports", "package", "trivy-sbom-Sample.cdx.json")));
        using (var artifacts = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "artifacts.json"))))
        {
            var nupkg = artifacts.RootElement.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "nupkg");
            Assert.Equal(JsonValueKind.Null, nupkg.GetProperty("pushedTo").ValueKind);
        }

        Assert.Empty(Tollgate.Evidence.EvidenceVerifier.Verify(sample.Evidence));

        sample.Write(".nuke/security.json", """
            { "suppressions": [ { "id": "CVE-2024-43485", "reason": "System.Text.Json is only read from trusted files here", "expires": "2099-12-31" } ] }
            """);

        var published = await HostRun.RunAsync<ScannedPackageBuild>(sample.Root, package);

        Assert.True(published.ExitCode == ExitCodes.Success, published.Output + published.Error);
        Assert.True(File.Exists(Path.Combine(feed, "Sample.1.4.0.nupkg")));
        var passed = Gate.Read(sample.Evidence, "Package");
        Assert.Equal(("passed", 0.0), (passed.Status, passed.Metric("shipped-high").GetDouble()));
        Assert.StartsWith("suppression (.nuke/security.json suppressions[0], until 2099-12-31)",
            passed.Findings.Single(f => f.GetProperty("rule").GetString() == "CVE-2024-43485").GetProperty("suppressedBy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_trivy_nothing_is_published_unless_the_policy_waives_it_and_the_waiver_is_in_the_package_evidence()
    {
        using var sample = new SampleRepository();
        var git = await GitRepository.InitAsync(sample.Root);
        await git.CommitAsync("sample");
        await git.TagAsync("v1.5.0");
        using var tools = new TempDirectory(withNuke: false);
        var feed = Path.Combine(tools.Path, "feed");
        string[] package = ["Package", "--required-gates", "--nuget-feed", feed, "--trivy-executable", Path.Combine(tools.Path, "no-trivy")];

        var missing = await HostRun.RunAsync<ScannedPackageBuild>(sample.Root, package);

        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        Assert.False(Directory.Exists(feed));
        var gate = Gate.Read(sample.Evidence, "Package");
        gate.AssertStatus("error");
        Assert.Contains(gate.Reasons, r => r.StartsWith("trivy: ", StringComparison.Ordinal) && r.Contains("waive the scanner 'trivy'", StringComparison.Ordinal));

        sample.Write(".nuke/security.json", """{ "waivers": [ { "scanner": "trivy", "reason": "not installable on these runners" } ] }""");

        var waived = await HostRun.RunAsync<ScannedPackageBuild>(sample.Root, package);

        Assert.True(waived.ExitCode == ExitCodes.Success, waived.Output + waived.Error);
        Assert.True(File.Exists(Path.Combine(feed, "Sample.1.5.0.nupkg")));
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Evidence, "gates", "package.json")));
        var waiver = Assert.Single(document.RootElement.GetProperty("waivers").EnumerateArray());
        Assert.Equal(("trivy", "not installable on these runners"), (waiver.GetProperty("subject").GetString(), waiver.GetProperty("reason").GetString()));
    }
}
