using Tollgate.Evidence;
using Tollgate.Gates.SecurityScan;

namespace Tollgate.Tests.Security;

public sealed class SecurityScanGateTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly ScannerRun[] AllRan =
    [
        new(ScannerNames.Secrets, ScannerState.Ran, "1.0.0"),
        new(ScannerNames.NuGetAudit, ScannerState.Ran, "10.0.100"),
        new(ScannerNames.Trivy, ScannerState.Ran, "0.58.1"),
    ];

    private static Finding Vulnerability(string id, string severity, string package = "Pkg", string scanner = ScannerNames.Trivy) =>
        new Finding
        {
            Kind = "vulnerability",
            Message = $"{package}: {id}",
            File = "packages.lock.json",
            Line = null,
            Rule = id,
            Severity = severity,
            Detail = $"https://advisories.invalid/{id}",
            Scanner = scanner,
            Package = package
        };

    private static SecurityPolicy Policy(
        IReadOnlyList<Suppression>? suppressions = null, IReadOnlyList<AllowedSecret>? allowed = null, Dictionary<string, string>? waivers = null, string[]? failOn = null) =>
        new(failOn ?? ["critical", "high"], new SecurityPolicyEntries(waivers ?? [], suppressions ?? [], allowed ?? []), ".nuke/security.json", Today);

    private static GateResult Evaluate(IReadOnlyList<Finding> findings, SecurityPolicy? policy = null, IReadOnlyList<ScannerRun>? scanners = null) =>
        SecurityScanGate.Evaluate(scanners ?? AllRan, findings, policy ?? Policy(), new Dictionary<string, string>());

    [Fact]
    public void Nothing_found_passes_with_zero_counts_and_zero_thresholds()
    {
        var result = Evaluate([]);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal("0 critical, 0 high", result.Headline);
        Assert.Equal(0, result.Metrics["critical"] + result.Metrics["high"] + result.Metrics["medium"] + result.Metrics["low"] + result.Metrics["unknown"]);
        Assert.Equal(new Dictionary<string, double> { ["critical"] = 0, ["high"] = 0 }, result.Thresholds);
    }

    [Fact]
    public void One_high_fails_by_default_while_medium_and_low_are_counted_but_allowed()
    {
        var allowed = Evaluate([Vulnerability("CVE-1", "MEDIUM"), Vulnerability("CVE-2", "low")]);
        var failed = Evaluate([Vulnerability("CVE-1", "MEDIUM"), Vulnerability("CVE-3", "HIGH")]);

        Assert.Equal(GateStatus.Passed, allowed.Status);
        Assert.Equal((1, 1), (allowed.Metrics["medium"], allowed.Metrics["low"]));
        Assert.Equal(GateStatus.Failed, failed.Status);
        Assert.Equal("1 high finding(s); the policy allows none at critical or high", Assert.Single(failed.Reasons));
        Assert.Equal("CVE-3", failed.Findings[0].Rule);
    }

    [Fact]
    public void NuGet_moderate_counts_as_medium_and_the_fail_on_list_can_include_it()
    {
        var result = Evaluate([Vulnerability("GHSA-1", "Moderate", scanner: ScannerNames.NuGetAudit)], Policy(failOn: ["critical", "high", "medium"]));

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Equal("medium", Assert.Single(result.Findings).Severity);
        Assert.Equal(1, result.Metrics["medium"]);
    }

    [Fact]
    public void An_active_suppression_takes_a_finding_out_of_the_count_but_keeps_it_in_the_evidence()
    {
        var suppression = new Suppression("CVE-9", null, "no fix released; not reachable from our code", new DateOnly(2026, 12, 31), ".nuke/security.json suppressions[0]");

        var result = Evaluate([Vulnerability("CVE-9", "CRITICAL")], Policy([suppression]));

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal((0, 1), (result.Metrics["critical"], result.Metrics["suppressed"]));
        Assert.Equal("0 critical, 0 high (1 suppressed)", result.Headline);
        Assert.Contains("until 2026-12-31", Assert.Single(result.Findings).SuppressedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_that_names_a_package_covers_only_that_package()
    {
        var suppression = new Suppression("CVE-9", "Other", "reason", new DateOnly(2027, 1, 1), "s");

        var result = Evaluate([Vulnerability("CVE-9", "HIGH", package: "Pkg")], Policy([suppression]));

        Assert.Equal(GateStatus.Failed, result.Status);
    }

    [Fact]
    public void A_suppression_holds_through_its_expiry_day_and_fails_the_gate_the_day_after_naming_it()
    {
        var lastDay = new Suppression("CVE-9", null, "reason", Today, ".trivyignore:4");
        var expired = lastDay with { Expires = Today.AddDays(-1) };

        var holding = Evaluate([Vulnerability("CVE-9", "HIGH")], Policy([lastDay]));
        var failed = Evaluate([Vulnerability("CVE-9", "HIGH")], Policy([expired]));

        Assert.Equal(GateStatus.Passed, holding.Status);
        Assert.Equal(GateStatus.Failed, failed.Status);
        Assert.Contains("suppression of CVE-9 (.trivyignore:4) expired on 2026-11-21; fix the finding or renew the suppression with a reason", failed.Reasons);
        Assert.Null(Assert.Single(failed.Findings).SuppressedBy);
        Assert.Equal(1, failed.Metrics["high"]);
    }

    [Fact]
    public void An_expired_suppression_fails_the_gate_even_when_its_finding_is_gone()
    {
        var expired = new Suppression("CVE-OLD", null, "reason", new DateOnly(2025, 1, 1), ".nuke/security.json suppressions[0]");

        var result = Evaluate([], Policy([expired]));

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Contains("CVE-OLD", Assert.Single(result.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void A_suppression_without_reason_or_expiry_suppresses_nothing_and_fails()
    {
        var noReason = new Suppression("CVE-1", null, null, new DateOnly(2027, 1, 1), ".trivyignore:1");
        var noDate = new Suppression("CVE-2", null, "reason", null, ".trivyignore:3");

        var result = Evaluate([Vulnerability("CVE-1", "LOW"), Vulnerability("CVE-2", "LOW")], Policy([noReason, noDate]));

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Equal(
            ["suppression of CVE-1 (.trivyignore:1) gives no reason; write why it is accepted",
             "suppression of CVE-2 (.trivyignore:3) has no expiry date; give the last day it holds (YYYY-MM-DD)"],
            result.Reasons);
        Assert.Equal(0, result.Metrics["suppressed"]);
    }

    [Fact]
    public void A_suppression_may_name_a_nuget_advisory_by_its_url()
    {
        var finding = Vulnerability("GHSA-abcd", "HIGH", scanner: ScannerNames.NuGetAudit);
        var suppression = new Suppression("https://advisories.invalid/GHSA-abcd", null, "reason", new DateOnly(2027, 1, 1), "s");

        Assert.Equal(GateStatus.Passed, Evaluate([finding], Policy([suppression])).Status);
    }

    [Fact]
    public void An_allowed_secret_is_listed_as_allowed_and_does_not_count()
    {
        var secret = new Finding
        {
            Kind = "secret",
            Message = "AWS access key id",
            File = "docs/examples/setup.md",
            Line = 12,
            Rule = "aws-access-key-id",
            Severity = "critical",
            Detail = "masked: AKIA********",
            Scanner = ScannerNames.Secrets
        };
        var elsewhere = secret with { File = "src/App/appsettings.json" };
        var allowed = new AllowedSecret("docs/**", "aws-access-key-id", "AWS's documented example key", ".nuke/security.json allowedSecrets[0]");

        var result = Evaluate([secret, elsewhere], Policy(allowed: [allowed]));

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Equal(1, result.Metrics["critical"]);
        Assert.StartsWith("allowed secret (.nuke/security.json allowedSecrets[0])", result.Findings.Single(f => f.File == "docs/examples/setup.md").SuppressedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_both_trivy_and_the_built_in_scan_found_is_listed_once()
    {
        var builtIn = new Finding
        {
            Kind = "secret",
            Message = "GitHub token",
            File = "a.txt",
            Line = 3,
            Rule = "github-token",
            Severity = "critical",
            Scanner = ScannerNames.Secrets
        };
        var trivy = new Finding
        {
            Kind = "secret",
            Message = "GitHub Personal Access Token",
            File = "a.txt",
            Line = 3,
            Rule = "github-pat",
            Severity = "CRITICAL",
            Scanner = ScannerNames.Trivy
        };
        var trivyElsewhere = trivy with { Line = 9 };

        var result = Evaluate([builtIn, trivy, trivyElsewhere]);

        Assert.Equal([(ScannerNames.Secrets, 3), (ScannerNames.Trivy, 9)], result.Findings.Select(f => (f.Scanner!, f.Line!.Value)));
        Assert.Equal(2, result.Metrics["critical"]);
    }

    [Fact]
    public void A_missing_scanner_is_an_error_with_its_message_and_a_waived_one_is_recorded_with_its_reason()
    {
        var missing = Evaluate([], scanners: [AllRan[0], AllRan[1], new(ScannerNames.Trivy, ScannerState.Missing, null, "'trivy' is not installed")]);
        var waived = Evaluate(
            [], Policy(waivers: new() { [ScannerNames.Trivy] = "cannot be installed here" }),
            [AllRan[0], AllRan[1], new(ScannerNames.Trivy, ScannerState.Waived, null, "cannot be installed here")]);

        Assert.Equal(GateStatus.Error, missing.Status);
        Assert.Equal("trivy: 'trivy' is not installed", Assert.Single(missing.Reasons));
        Assert.Empty(missing.Waivers);
        Assert.Equal(GateStatus.Passed, waived.Status);
        Assert.Equal(new Waiver { Subject = "trivy", Reason = "cannot be installed here", Source = ".nuke/security.json" }, Assert.Single(waived.Waivers));
        Assert.Equal("0 critical, 0 high; waived: trivy", waived.Headline);
    }

    [Fact]
    public void Findings_are_ordered_most_severe_first_then_by_scanner_file_and_line()
    {
        var result = Evaluate([Vulnerability("L", "LOW"), Vulnerability("C", "CRITICAL"), Vulnerability("U", "weird"), Vulnerability("H", "HIGH")]);

        Assert.Equal(["C", "H", "L", "U"], result.Findings.Select(f => f.Rule));
        Assert.Equal("unknown", result.Findings[^1].Severity);
    }
}
