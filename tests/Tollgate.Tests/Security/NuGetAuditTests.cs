using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Security;

/// <summary>NuGet's audit for real: the sample repository restored against a vulnerability feed served on 127.0.0.1.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(GateRunsCollection))]
public sealed class NuGetAuditTests
{
    private const string WaiveTrivy = """{ "waivers": [ { "scanner": "trivy", "reason": "not installable here" } ] }""";

    private static VulnerabilityFeed Feed() => new(new Dictionary<string, (int, string, string)>
    {
        ["coverlet.collector"] = (3, "https://advisories.invalid/GHSA-tg00-0001", "(, 99.0.0)"),
        ["xunit.abstractions"] = (2, "https://advisories.invalid/GHSA-tg00-0002", "[2.0.0, 3.0.0)"),
        ["xunit.assert"] = (0, "https://advisories.invalid/GHSA-tg00-0003", "[1.0.0, 1.0.1)"),
    });

    [Fact]
    public async Task Packages_the_audit_source_marks_vulnerable_fail_the_gate_direct_and_transitive_with_severity_and_advisory()
    {
        using var feed = Feed();
        using var sample = new SampleRepository();
        sample.Write("nuget.config", feed.NuGetConfig);
        sample.Write(".nuke/security.json", WaiveTrivy);

        var run = await HostRun.RunAsync<SecurityBuild>(sample.Root, ["SecurityScan"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.True(feed.Requests > 0, "the audit never asked the feed");
        var gate = Gate.Read(sample.Evidence, "SecurityScan");
        gate.AssertStatus("failed");
        Assert.Equal("1 critical, 1 high finding(s); the policy allows none at critical or high", Assert.Single(gate.Reasons));
        var findings = gate.Findings.Select(f => (
            f.GetProperty("rule").GetString(), f.GetProperty("package").GetString(), f.GetProperty("severity").GetString(), f.GetProperty("file").GetString(),
            f.GetProperty("detail").GetString())).ToList();
        Assert.Equal(
            [("GHSA-tg00-0001", "coverlet.collector", "critical", "tests/Sample.Tests/Sample.Tests.csproj", "https://advisories.invalid/GHSA-tg00-0001"),
             ("GHSA-tg00-0002", "xunit.abstractions", "high", "tests/Sample.Tests/Sample.Tests.csproj", "https://advisories.invalid/GHSA-tg00-0002")],
            findings);
        Assert.Contains("(direct, net10.0)", gate.Findings[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("(transitive, net10.0)", gate.Findings[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(sample.Evidence, "reports", "securityscan", "nuget-vulnerable.json")));

        // A suppression with a reason and a future expiry takes the transitive one out of the count.
        sample.Write(".nuke/security.json", """
            {
              "waivers": [ { "scanner": "trivy", "reason": "not installable here" } ],
              "suppressions": [
                { "id": "GHSA-tg00-0002", "package": "xunit.abstractions", "reason": "test-only dependency", "expires": "2099-01-31" },
                { "id": "https://advisories.invalid/GHSA-tg00-0001", "reason": "collector runs only in CI", "expires": "2099-01-31" }
              ]
            }
            """);
        var suppressed = await HostRun.RunAsync<SecurityBuild>(sample.Root, ["SecurityScan"]);

        Assert.True(suppressed.ExitCode == ExitCodes.Success, suppressed.Output + suppressed.Error);
        Assert.Equal("0 critical, 0 high (2 suppressed); waived: trivy", Gate.Read(sample.Evidence, "SecurityScan").Headline);
    }

    [Fact]
    public async Task Audit_sources_given_by_parameter_are_used_and_a_source_without_vulnerability_data_is_an_error_not_a_pass()
    {
        using var feed = Feed();
        using var plain = new VulnerabilityFeed(new Dictionary<string, (int, string, string)>(), servesVulnerabilityData: false);
        using var sample = new SampleRepository();
        sample.Write(".nuke/security.json", WaiveTrivy);

        var noData = await HostRun.RunAsync<SecurityBuild>(sample.Root, ["SecurityScan", "--nuget-audit-sources", plain.ServiceIndex]);

        Assert.Equal(ExitCodes.Failure, noData.ExitCode);
        var gate = Gate.Read(sample.Evidence, "SecurityScan");
        gate.AssertStatus("error");
        Assert.StartsWith($"nuget-audit: none of the audit sources ({plain.ServiceIndex}) serves vulnerability data", Assert.Single(gate.Reasons), StringComparison.Ordinal);

        var audited = await HostRun.RunAsync<SecurityBuild>(sample.Root, ["SecurityScan", "--nuget-audit-sources", feed.ServiceIndex]);

        Assert.Equal(ExitCodes.Failure, audited.ExitCode);
        Assert.Equal(["coverlet.collector", "xunit.abstractions"], Gate.Read(sample.Evidence, "SecurityScan").Findings.Select(f => f.GetProperty("package").GetString()));
    }

    [Fact]
    public async Task An_unchanged_audit_is_reused_with_the_same_findings_until_a_project_changes_or_the_policy_s_hours_pass()
    {
        using var feed = Feed();
        using var sample = new SampleRepository();
        using var cache = new TempDirectory(withNuke: false);
        sample.Write("nuget.config", feed.NuGetConfig);
        sample.Write(".nuke/security.json", WaiveTrivy);
        string[] cached = ["SecurityScan", "--cache", "read-write", "--cache-directory", cache.Path];

        await HostRun.RunAsync<SecurityBuild>(sample.Root, cached);
        var fresh = Gate.Read(sample.Evidence, "SecurityScan");
        fresh.AssertStatus("failed");
        Assert.Empty(fresh.Reused);
        var asked = feed.Requests;

        var again = await HostRun.RunAsync<SecurityBuild>(sample.Root, cached);

        var reused = Gate.Read(sample.Evidence, "SecurityScan");
        reused.AssertStatus("failed");
        Assert.Equal(["nuget audit", "secret scan"], reused.Reused.Order(StringComparer.Ordinal));
        Assert.Equal(asked, feed.Requests); // neither the restore nor the probe of the source asked the feed
        Assert.Equal(fresh.Reasons, reused.Reasons);
        Assert.Equal(fresh.Findings.Select(f => f.ToString()), reused.Findings.Select(f => f.ToString()));
        Assert.StartsWith("1 critical, 1 high; waived: trivy (secret scan and nuget audit reused from ", reused.Headline, StringComparison.Ordinal);
        Assert.Contains("NuGet audit: no project, package or source changed since the audit reused from", again.Output, StringComparison.Ordinal);

        // The policy's hours: 0 audits again, and the secret scan (a repository's content, not a database's) is still reused.
        await HostRun.RunAsync<SecurityBuild>(sample.Root, [.. cached, "--audit-cache-hours", "0"]);
        Assert.Equal(["secret scan"], Gate.Read(sample.Evidence, "SecurityScan").Reused);
        Assert.True(feed.Requests > asked, "an audit the policy's hours do not allow to reuse did not run");

        // A project file changed: both run again, with the same findings.
        asked = feed.Requests;
        File.AppendAllText(Path.Combine(sample.Root, "tests", "Sample.Tests", "Sample.Tests.csproj"), "<!-- changed -->\n");
        await HostRun.RunAsync<SecurityBuild>(sample.Root, cached);
        var changed = Gate.Read(sample.Evidence, "SecurityScan");
        changed.AssertStatus("failed");
        Assert.Empty(changed.Reused);
        Assert.True(feed.Requests > asked, "a changed project's audit did not run");
        Assert.Equal(fresh.Findings.Select(f => f.ToString()), changed.Findings.Select(f => f.ToString()));
    }
}
