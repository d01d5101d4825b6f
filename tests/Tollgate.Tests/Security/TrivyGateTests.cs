using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Security;

/// <summary>The SecurityScan gate driving Trivy (a stand-in replaying Trivy's JSON) in-process, NuGet's audit waived.</summary>
[Trait("Category", "Integration")]
public sealed class TrivyGateTests : IDisposable
{
    private const string WaiveNuGet = """{ "waivers": [ { "scanner": "nuget-audit", "reason": "this test is about Trivy" } ] }""";

    private readonly TempDirectory repository = new();
    private readonly TempDirectory tools = new(withNuke: false);

    public TrivyGateTests()
    {
        repository.Write(".nuke/security.json", WaiveNuGet);
        repository.Write("src/App/Program.cs", "System.Console.WriteLine(\"hello\");\n");
    }

    private string Evidence => Path.Combine(repository.Path, "artifacts", "evidence");

    public void Dispose()
    {
        repository.Dispose();
        tools.Dispose();
    }

    private TrivyStandIn StandIn(string fs, string config = "empty", string version = "0.58.1", string? image = null, string? sbom = null)
    {
        var replays = new Dictionary<string, string> { ["fs"] = TrivyReportReaderTests.Report(fs), ["config"] = TrivyReportReaderTests.Report(config) };
        if (image is not null)
        {
            replays["image"] = TrivyReportReaderTests.Report(image);
        }

        if (sbom is not null)
        {
            replays["sbom"] = TrivyReportReaderTests.Report(sbom);
        }

        return new TrivyStandIn(tools.Path, version, replays);
    }

    private Task<HostRun> Run(TrivyStandIn trivy, params string[] more) =>
        HostRun.RunAsync<SecurityBuild>(repository.Path, ["SecurityScan", "--trivy-executable", trivy.Path, .. more]);

    [Fact]
    public async Task Clean_reports_pass_and_trivy_ran_fs_and_config_on_the_repository_with_tollgate_s_arguments()
    {
        var trivy = StandIn("empty");

        var run = await Run(trivy);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        var calls = trivy.ReadCalls();
        Assert.Equal(["version", "fs", "config"], calls.Select(c => c[0]));
        Assert.All(calls.Skip(1), c => Assert.Equal(repository.Path, c[^1]));
        Assert.Contains("vuln,secret", calls[1]);
        Assert.DoesNotContain("--offline-scan", calls[1]);
        var gate = Gate.Read(Evidence, "SecurityScan");
        Assert.Equal(("passed", "0 critical, 0 high; waived: nuget-audit"), (gate.Status, gate.Headline));
        foreach (var report in new[] { "trivy-fs.json", "trivy-config.json", "trivy-inputs.json", "security.sarif" })
        {
            Assert.True(File.Exists(Path.Combine(Evidence, "reports", "securityscan", report)), report);
        }
    }

    [Fact]
    public async Task Vulnerabilities_and_misconfigurations_at_high_fail_the_gate_with_every_finding_in_the_evidence()
    {
        var run = await Run(StandIn("vulnerabilities", "misconfigurations"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("[trivy] high CVE-2024-43485: System.Text.Json 8.0.4: dotnet: Denial of Service in System.Text.Json (fixed in 8.0.5) (src/App/packages.lock.json)", run.Error, StringComparison.Ordinal);
        var gate = Gate.Read(Evidence, "SecurityScan");
        gate.AssertStatus("failed");
        Assert.Equal("2 high finding(s); the policy allows none at critical or high", Assert.Single(gate.Reasons));
        Assert.Equal((2, 1, 1), (gate.Metric("high").GetInt32(), gate.Metric("medium").GetInt32(), gate.Metric("low").GetInt32()));
        var json = gate.Findings.Single(f => f.GetProperty("rule").GetString() == "CVE-2024-43485");
        Assert.Equal(("System.Text.Json", "8.0.4", "8.0.5", "trivy"), (json.GetProperty("package").GetString(), json.GetProperty("installedVersion").GetString(), json.GetProperty("fixedVersion").GetString(), json.GetProperty("scanner").GetString()));
        Assert.Contains(gate.Findings, f => f.GetProperty("rule").GetString() == "AVD-DS-0002" && f.GetProperty("file").GetString() == "Dockerfile");
    }

    [Fact]
    public async Task A_trivy_secret_is_recorded_by_rule_file_and_line_and_the_stored_report_quotes_no_line()
    {
        var run = await Run(StandIn("secrets"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var finding = Assert.Single(Gate.Read(Evidence, "SecurityScan").Findings);
        Assert.Equal(("secret", "aws-access-key-id", "deploy/settings.env", 3), (finding.GetProperty("kind").GetString(), finding.GetProperty("rule").GetString(), finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32()));
        var stored = File.ReadAllText(Path.Combine(Evidence, "reports", "securityscan", "trivy-fs.json"));
        Assert.DoesNotContain("AWS_ACCESS_KEY_ID", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_report_makes_the_gate_an_error_naming_the_report()
    {
        var run = await Run(StandIn("malformed"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var gate = Gate.Read(Evidence, "SecurityScan");
        gate.AssertStatus("error");
        Assert.Contains("trivy-fs.json: not a Trivy JSON report", Assert.Single(gate.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_trivy_is_an_error_with_the_install_hint_and_a_waiver_turns_it_into_a_recorded_pass()
    {
        var missing = await HostRun.RunAsync<SecurityBuild>(repository.Path, ["SecurityScan", "--trivy-executable", Path.Combine(tools.Path, "no-trivy")]);

        Assert.Equal(ExitCodes.Failure, missing.ExitCode);
        var reason = Assert.Single(Gate.Read(Evidence, "SecurityScan").Reasons);
        Assert.Contains("is not installed or not on PATH. Install Trivy", reason, StringComparison.Ordinal);
        Assert.Contains("or waive the scanner 'trivy' with a reason in .nuke/security.json", reason, StringComparison.Ordinal);

        repository.Write(".nuke/security.json", """
            { "waivers": [ { "scanner": "nuget-audit", "reason": "about Trivy" }, { "scanner": "trivy", "reason": "cannot be installed on these runners" } ] }
            """);
        var waived = await HostRun.RunAsync<SecurityBuild>(repository.Path, ["SecurityScan", "--trivy-executable", Path.Combine(tools.Path, "no-trivy")]);

        Assert.True(waived.ExitCode == ExitCodes.Success, waived.Output + waived.Error);
        Assert.Contains("trivy is waived by .nuke/security.json: cannot be installed on these runners", waived.Error + waived.Output, StringComparison.Ordinal);
        var document = File.ReadAllText(Path.Combine(Evidence, "gates", "securityscan.json"));
        Assert.Contains("\"subject\": \"trivy\"", document, StringComparison.Ordinal);
        Assert.Contains("- SecurityScan: `trivy` waived by .nuke/security.json: cannot be installed on these runners", File.ReadAllText(Path.Combine(Evidence, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trivy_older_than_the_pinned_minimum_is_an_error_saying_so()
    {
        var trivy = StandIn("empty", version: "0.45.0");

        var run = await Run(trivy);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("trivy: Trivy 0.45.0 is older than the minimum 0.58.0 the policy pins; upgrade Trivy.", Assert.Single(Gate.Read(Evidence, "SecurityScan").Reasons));
        Assert.Equal(["version"], trivy.ReadCalls().Select(c => c[0]));
    }

    [Fact]
    public async Task Offline_skips_updates_and_images_are_scanned_with_trivy_image()
    {
        var trivy = StandIn("empty", image: "vulnerabilities");

        var run = await Run(trivy, "--trivy-offline", "--security-images", "registry.local/app:1.2.3");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var calls = trivy.ReadCalls();
        Assert.Equal(["version", "fs", "config", "image"], calls.Select(c => c[0]));
        Assert.Contains("--offline-scan", calls[1]);
        Assert.Contains("--skip-db-update", calls[1]);
        Assert.Contains("--skip-check-update", calls[2]);
        Assert.Equal("registry.local/app:1.2.3", calls[3][^1]);
        Assert.True(File.Exists(Path.Combine(Evidence, "reports", "securityscan", "trivy-image-1.json")));
    }

    [Fact]
    public async Task The_sboms_package_wrote_for_this_commit_are_scanned_with_trivy_sbom_and_their_vulnerabilities_count()
    {
        var git = await GitRepository.InitAsync(repository.Path);
        var head = await git.CommitAsync("service");
        repository.Write("artifacts/sbom/App.cdx.json", """{ "bomFormat": "CycloneDX", "specVersion": "1.6" }""");
        repository.Write("artifacts/evidence/artifacts.json", $$"""
            { "commit": "{{head}}", "artifacts": [ { "kind": "sbom", "name": "App", "version": "1.0.0", "location": "artifacts/sbom/App.cdx.json" } ] }
            """);
        var trivy = StandIn("empty", sbom: "vulnerabilities");

        var run = await Run(trivy);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var sbom = trivy.ReadCalls().Single(c => c[0] == "sbom");
        Assert.Equal(Path.Combine(repository.Path, "artifacts", "sbom", "App.cdx.json"), sbom[^1]);
        Assert.Equal("vuln", sbom[sbom.ToList().IndexOf("--scanners") + 1]);
        Assert.True(File.Exists(Path.Combine(Evidence, "reports", "securityscan", "trivy-sbom-App.cdx.json")));
        Assert.Contains("critical", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_image_package_built_for_this_commit_is_scanned_without_being_named()
    {
        var git = await GitRepository.InitAsync(repository.Path);
        var head = await git.CommitAsync("service");
        repository.Write("artifacts/evidence/artifacts.json", $$"""
            { "commit": "{{head}}", "artifacts": [ { "kind": "nupkg", "name": "App", "version": "1.0.0" }, { "kind": "image", "name": "registry.local/app", "version": "1.0.0" } ] }
            """);
        var trivy = StandIn("empty", image: "empty");

        var run = await Run(trivy);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal("registry.local/app:1.0.0", trivy.ReadCalls().Single(c => c[0] == "image")[^1]);

        await git.CommitAsync("next");
        repository.Write("artifacts/evidence/artifacts.json", $$"""
            { "commit": "{{head}}", "artifacts": [ { "kind": "image", "name": "registry.local/app", "version": "1.0.0" } ] }
            """);
        File.Delete(trivy.Calls);

        await Run(trivy);

        Assert.DoesNotContain(trivy.ReadCalls(), c => c[0] == "image");
    }

    [Fact]
    public async Task Trivy_variables_and_a_trivy_yaml_do_not_reach_trivy_and_are_recorded_by_name_only()
    {
        var trivy = StandIn("empty");
        repository.Write("trivy.yaml", "severity: CRITICAL\n");
        Environment.SetEnvironmentVariable("TRIVY_SEVERITY", "CRITICAL");
        try
        {
            var run = await Run(trivy);

            Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TRIVY_SEVERITY", null);
        }

        Assert.DoesNotContain("TRIVY_SEVERITY", trivy.ReadVariables());
        Assert.All(trivy.ReadCalls().Skip(1), call => Assert.DoesNotContain(Path.Combine(repository.Path, "trivy.yaml"), call));
        var inputs = File.ReadAllText(Path.Combine(Evidence, "reports", "securityscan", "trivy-inputs.json"));
        Assert.Contains("\"TRIVY_SEVERITY\"", inputs, StringComparison.Ordinal);
        Assert.DoesNotContain("CRITICAL", inputs, StringComparison.Ordinal);
        Assert.Contains("\"trivy.yaml\"", inputs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trivyignore_entries_suppress_until_they_expire_and_an_expired_one_fails_naming_it()
    {
        repository.Write(".trivyignore", "# Patched in our fork of the image; upstream fix pending.\nCVE-2024-43485 exp:2099-12-31\n# Only in tests.\nCVE-2023-29331 exp:2020-01-01\n");

        var run = await Run(StandIn("vulnerabilities"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var gate = Gate.Read(Evidence, "SecurityScan");
        Assert.Equal(
            "suppression of CVE-2023-29331 (.trivyignore:4) expired on 2020-01-01; fix the finding or renew the suppression with a reason",
            Assert.Single(gate.Reasons));
        Assert.Equal((0, 1), (gate.Metric("high").GetInt32(), gate.Metric("suppressed").GetInt32()));
        var suppressed = gate.Findings.Single(f => f.GetProperty("rule").GetString() == "CVE-2024-43485");
        Assert.Contains("Patched in our fork", suppressed.GetProperty("suppressedBy").GetString(), StringComparison.Ordinal);
    }
}
