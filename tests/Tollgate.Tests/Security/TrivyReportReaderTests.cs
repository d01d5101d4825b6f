using Tollgate.Tests.Support;
using Tollgate.Tools.Trivy;

namespace Tollgate.Tests.Security;

public sealed class TrivyReportReaderTests
{
    public static string Report(string name) => Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "trivy", name + ".json");

    [Fact]
    public void Vulnerabilities_keep_package_versions_severity_title_and_no_fix_as_null()
    {
        var findings = TrivyReportReader.Read(Report("vulnerabilities"));

        Assert.Equal(2, findings.Count);
        var json = findings[0];
        Assert.Equal(
            new TrivyFinding("vulnerability", "src/App/packages.lock.json", "CVE-2024-43485", "HIGH", "dotnet: Denial of Service in System.Text.Json",
                "System.Text.Json", "8.0.4", "8.0.5", null, "https://avd.aquasec.com/nvd/cve-2024-43485"),
            json);
        Assert.Null(findings[1].FixedVersion);
        Assert.Equal("MEDIUM", findings[1].Severity);
    }

    [Fact]
    public void Misconfigurations_use_the_avd_id_and_the_cause_line()
    {
        var findings = TrivyReportReader.Read(Report("misconfigurations"));

        Assert.Equal(["AVD-DS-0002", "AVD-DS-0026"], findings.Select(f => f.Id));
        Assert.All(findings, f => Assert.Equal(("misconfiguration", "Dockerfile"), (f.Class, f.Target)));
        Assert.Equal([null, 1], findings.Select(f => f.Line));
        Assert.Equal("Image user should not be 'root'", findings[0].Title);
    }

    [Fact]
    public void Secrets_keep_rule_file_and_line_and_the_sanitized_report_drops_match_and_code()
    {
        var finding = Assert.Single(TrivyReportReader.Read(Report("secrets")));

        Assert.Equal(new TrivyFinding("secret", "deploy/settings.env", "aws-access-key-id", "CRITICAL", "AWS Access Key ID", Line: 3), finding);
        var sanitized = TrivyReportReader.Sanitized(Report("secrets"));
        Assert.DoesNotContain("Match", sanitized, StringComparison.Ordinal);
        Assert.DoesNotContain("AWS_ACCESS_KEY_ID=", sanitized, StringComparison.Ordinal);
        Assert.Contains("\"RuleID\": \"aws-access-key-id\"", sanitized, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_report_has_no_findings()
    {
        Assert.Empty(TrivyReportReader.Read(Report("empty")));
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("missing")]
    public void A_malformed_or_missing_report_is_invalid_data_naming_the_file(string name)
    {
        var exception = Assert.Throws<InvalidDataException>(() => TrivyReportReader.Read(Report(name)));

        Assert.Contains(name + ".json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_that_is_not_a_trivy_report_is_refused()
    {
        using var directory = new TempDirectory(withNuke: false);
        var path = directory.Write("other.json", """{ "Results": [] }""");

        var exception = Assert.Throws<InvalidDataException>(() => TrivyReportReader.Read(path));

        Assert.Contains("no SchemaVersion", exception.Message, StringComparison.Ordinal);
    }
}
