using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Security;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Ci;

/// <summary>The portfolio audit over real bundles written by SecurityScan runs in four repositories.</summary>
public sealed class AuditTests : IDisposable
{
    private const string Waivers = """{ "scanner": "trivy", "reason": "not installable" }, { "scanner": "nuget-audit", "reason": "no feed" }""";

    private readonly TempDirectory portfolio = new();
    private readonly TempDirectory platform = new();

    public void Dispose()
    {
        portfolio.Dispose();
        platform.Dispose();
    }

    public sealed class AuditBuild : TollgateBuild, IAudit;

    private async Task Bundle(string name, string policy, string[] more, string? secret = null, string? tollgateVersion = null)
    {
        using var scratch = new TempDirectory(withNuke: false);
        var repository = Path.Combine(scratch.Path, name);
        Directory.CreateDirectory(Path.Combine(repository, ".nuke"));
        File.WriteAllText(Path.Combine(repository, ".nuke", "security.json"), policy);
        if (secret is not null)
        {
            File.WriteAllText(Path.Combine(repository, "settings.txt"), secret);
        }

        await HostRun.RunAsync<SecurityBuild>(repository, ["SecurityScan", .. more]);
        var bundle = Path.Combine(portfolio.Path, name, "evidence");
        SampleRepository.Copy(Path.Combine(repository, "artifacts", "evidence"), bundle);
        if (tollgateVersion is not null)
        {
            var manifest = Path.Combine(bundle, "manifest.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"tollgateVersion\": \"{Tollgate.Engine.TollgateVersion.Current}\"", $"\"tollgateVersion\": \"{tollgateVersion}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_portfolio_shows_versions_behind_gate_figures_weakened_defaults_waivers_and_expired_suppressions()
    {
        await Bundle("billing", $$"""{ "waivers": [ {{Waivers}} ] }""", []);
        await Bundle("orders", $$"""{ "waivers": [ {{Waivers}} ] }""", ["--security-fail-on", "critical"], secret: $"k = {PlantedSecrets.Slack}\n");
        await Bundle("legacy", $$"""{ "waivers": [ {{Waivers}} ] }""", [], tollgateVersion: "0.0.9");
        await Bundle("shipping", $$"""{ "waivers": [ {{Waivers}} ], "suppressions": [ { "id": "CVE-2020-1", "reason": "old", "expires": "2021-01-01" } ] }""", []);

        // An older run of billing, kept beside its latest: the portfolio's table shows each repository's latest run only.
        SampleRepository.Copy(Path.Combine(portfolio.Path, "billing", "evidence"), Path.Combine(portfolio.Path, "billing", "older"));
        var older = Path.Combine(portfolio.Path, "billing", "older", "manifest.json");
        var started = JsonDocument.Parse(File.ReadAllText(older)).RootElement.GetProperty("startedAt").GetString()!;
        File.WriteAllText(older, File.ReadAllText(older).Replace(started, "2026-01-05T10:00:00+00:00", StringComparison.Ordinal)
            .Replace($"\"tollgateVersion\": \"{Tollgate.Engine.TollgateVersion.Current}\"", "\"tollgateVersion\": \"0.0.1\"", StringComparison.Ordinal));

        // The platform's registry: two of the four, and one project that has no evidence yet.
        platform.Write(".nuke/portfolio.json", """
            {
              "requiredGates": ["SecurityScan"],
              "projects": [
                { "slug": "billing", "repository": "https://git.example/billing", "ciTemplate": "github-actions" },
                { "slug": "orders", "repository": "https://git.example/orders" },
                { "slug": "payments", "repository": "https://git.example/payments" }
              ]
            }
            """);

        var run = await HostRun.RunAsync<AuditBuild>(platform.Path, ["Audit", "--audit-evidence", portfolio.Path]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        var compliance = File.ReadAllText(Path.Combine(platform.Path, "artifacts", "audit", "compliance.md"));
        Assert.Contains("## Compliance: 0 of 3 registered projects", compliance, StringComparison.Ordinal);
        Assert.Contains("| orders | no | no Ci run: the required gates, its CI file and its policy are not known |", compliance, StringComparison.Ordinal);
        Assert.Contains("| payments | no | no evidence at all: no bundle of it was ingested |", compliance, StringComparison.Ordinal);
        Assert.Contains("Evidence of projects the registry does not list: legacy, shipping.", compliance, StringComparison.Ordinal);
        var dashboard = File.ReadAllText(Path.Combine(platform.Path, "artifacts", "audit", "dashboard.html"));
        Assert.Equal(5, dashboard.Split("<tr data-project=").Length - 1); // the portfolio's row, then each repository's
        Assert.Equal(8, dashboard.Split("class=\"trend\"").Length - 1);
        Assert.True(File.Exists(Path.Combine(platform.Path, "artifacts", "audit", "projects", "billing.html")));
        var markdown = File.ReadAllText(Path.Combine(platform.Path, "artifacts", "audit", "portfolio.md"));
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();
        Assert.Equal(["billing", "legacy", "orders", "shipping"], rows.Select(r => r.Split('|')[1].Trim()));
        Assert.Contains($"| 0.0.9 (behind {Tollgate.Engine.TollgateVersion.Current}) |", rows[1], StringComparison.Ordinal);
        Assert.Contains("| passed: 0 critical, 1 high; waived: nuget-audit, trivy |", rows[2], StringComparison.Ordinal);
        Assert.Contains("| security-fail-on=critical |", rows[2], StringComparison.Ordinal);
        Assert.Contains("SecurityScan: nuget-audit (no feed); SecurityScan: trivy (not installable)", rows[0], StringComparison.Ordinal);
        Assert.Contains("suppression of CVE-2020-1 (.nuke/security.json suppressions[0]) expired on 2021-01-01", rows[3], StringComparison.Ordinal);
        Assert.Contains("4 repositories, 1 behind the newest Tollgate", run.Output, StringComparison.Ordinal);
        var store = Path.Combine(platform.Path, "artifacts", "audit", "runs.sqlite");
        Assert.Contains($"Store of runs {store}: 5 bundle(s) added, 0 already held, 0 unchanged since the last ingest, 0 refused.", run.Output, StringComparison.Ordinal);
        var again = await HostRun.RunAsync<AuditBuild>(platform.Path, ["Audit", "--audit-evidence", portfolio.Path]);
        Assert.Contains($"Store of runs {store}: 0 bundle(s) added, 0 already held, 5 unchanged since the last ingest, 0 refused.", again.Output, StringComparison.Ordinal);

        // The handbook's metrics over the last 7 days, from the store: the scans are counted, and no Ci ran.
        var metrics = File.ReadAllText(Path.Combine(platform.Path, "artifacts", "audit", "metrics.md"));
        Assert.Contains("| billing | securityPassRate |  | 100 % | ≥ 100 % | green | 1 of 1 scans passed |", metrics, StringComparison.Ordinal);
        Assert.Contains("| billing | pipelineSuccessRate |  | — | ≥ 95 % | grey | no Ci run of the main branch in the window |", metrics, StringComparison.Ordinal);
        using (var figures = JsonDocument.Parse(File.ReadAllText(Path.Combine(platform.Path, "artifacts", "audit", "metrics.json"))))
        {
            Assert.Equal(7, figures.RootElement.GetProperty("windowDays").GetDouble());
            Assert.Equal(5, figures.RootElement.GetProperty("metrics").EnumerateArray().Count(m => m.GetProperty("metric").GetString() == "securityPassRate")); // the portfolio's and 4 projects'
        }

        // Targets of the platform team's own: a metric the handbook does not have is bad input, named with the fix.
        File.WriteAllText(Path.Combine(platform.Path, "targets.json"), """{ "uptime": { "target": 99, "better": "higher" } }""");
        var bad = await HostRun.RunAsync<AuditBuild>(platform.Path, ["Audit", "--audit-evidence", portfolio.Path, "--audit-targets", "targets.json"]);
        Assert.Equal(ExitCodes.Failure, bad.ExitCode);
        Assert.Contains("targets.json: 'uptime' is not a portfolio metric; use one of pipelineSuccessRate, coverage,", bad.Output + bad.Error, StringComparison.Ordinal);
        // What moving to this Tollgate changes in each repository's gates, from Policy/changes.json: only the one behind gets anything.
        var moving = markdown[markdown.IndexOf($"## Moving to Tollgate {Tollgate.Engine.TollgateVersion.Current}", StringComparison.Ordinal)..];
        Assert.Contains("- **legacy** (on 0.0.9), its gates get:\n", moving, StringComparison.Ordinal);
        Assert.Contains("  - coverage.line: (not set) → 70 (Line coverage of at least 70 %.)\n", moving, StringComparison.Ordinal);
        Assert.Contains("  - test.hangTimeout: (not set) → \"30m\"", moving, StringComparison.Ordinal);
        Assert.DoesNotContain("**billing**", moving, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(platform.Path, "artifacts", "audit", "portfolio.json")));
        var legacy = json.RootElement.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("bundle").GetString() == "legacy/evidence");
        Assert.True(legacy.GetProperty("behindNewest").GetBoolean());
        Assert.Equal(PolicyChanges.All.Count, legacy.GetProperty("policyChangesOnMoving").GetArrayLength());
        var billing = json.RootElement.GetProperty("repositories").EnumerateArray().Single(r => r.GetProperty("bundle").GetString() == "billing/evidence");
        Assert.Equal(0, billing.GetProperty("policyChangesOnMoving").GetArrayLength());
        var html = File.ReadAllText(Path.Combine(platform.Path, "artifacts", "audit", "portfolio.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"behind\">0.0.9 (behind", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_bundles_is_bad_input_saying_what_to_put_there()
    {
        var run = await HostRun.RunAsync<AuditBuild>(platform.Path, ["Audit", "--audit-evidence", portfolio.Path]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("no evidence bundle (manifest.json) below it", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_that_breaks_its_schema_is_bad_input_naming_the_file_line_and_key()
    {
        await Bundle("billing", $$"""{ "waivers": [ {{Waivers}} ] }""", []);
        platform.Write(".nuke/portfolio.json", """
            {
              "projects": [
                { "slug": "billing", "repository": "https://git.example/billing", "environment": ["prod"] }
              ]
            }
            """);

        var run = await HostRun.RunAsync<AuditBuild>(platform.Path, ["Audit", "--audit-evidence", portfolio.Path]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(".nuke/portfolio.json:3: projects[0].environment:", run.Output + run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(platform.Path, "artifacts", "audit", "runs.sqlite"))); // what did run: the ingest
    }
}
