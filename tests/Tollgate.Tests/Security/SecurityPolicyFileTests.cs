using Tollgate.Gates.SecurityScan;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Security;

public sealed class SecurityPolicyFileTests
{
    private static SecurityPolicyEntries Read(string json)
    {
        using var directory = new TempDirectory();
        var path = directory.Write(".nuke/security.json", json);
        return SecurityPolicyFile.Read(path, ".nuke/security.json");
    }

    [Fact]
    public void No_file_is_an_empty_policy()
    {
        Assert.Same(SecurityPolicyEntries.None, SecurityPolicyFile.Read("/nonexistent/security.json", "x"));
    }

    [Fact]
    public void Waivers_suppressions_and_allowed_secrets_are_read_with_where_they_are_written()
    {
        var entries = Read("""
            {
              // comments are allowed
              "waivers": [ { "scanner": "trivy", "reason": "not installable here" } ],
              "suppressions": [ { "id": "CVE-1", "package": "Pkg", "reason": "not reachable", "expires": "2027-03-31" } ],
              "allowedSecrets": [ { "path": "docs/**", "rule": "aws-access-key-id", "reason": "AWS's example key" } ]
            }
            """);

        Assert.Equal("not installable here", entries.Waivers["trivy"]);
        Assert.Equal(new Suppression("CVE-1", "Pkg", "not reachable", new DateOnly(2027, 3, 31), ".nuke/security.json suppressions[0]"), Assert.Single(entries.Suppressions));
        var allowed = Assert.Single(entries.AllowedSecrets);
        Assert.True(allowed.Allows("aws-access-key-id", "docs/guide/setup.md"));
        Assert.False(allowed.Allows("github-token", "docs/guide/setup.md"));
        Assert.False(allowed.Allows("aws-access-key-id", "src/docs.md"));
    }

    [Theory]
    [InlineData("""{ "waivers": [ { "scanner": "snyk", "reason": "r" } ] }""", ".nuke/security.json:1: waivers[0].scanner: \"snyk\" is not allowed (expected one of \"trivy\", \"nuget-audit\", \"secrets\")")]
    [InlineData("""{ "waivers": [ { "scanner": "trivy" } ] }""", ".nuke/security.json:1: waivers[0]: \"reason\" is missing (add it)")]
    [InlineData("""{ "suppressions": [ { "id": "CVE-1", "reason": "r", "expires": "31.12.2026" } ] }""", ".nuke/security.json:1: suppressions[0].expires: \"31.12.2026\" does not have the expected form (expected a match of ^[0-9]{4}-[0-9]{2}-[0-9]{2}$, e.g. 2027-03-31)")]
    [InlineData("""{ "allowedSecrets": [ { "path": "docs/**" } ] }""", ".nuke/security.json:1: allowedSecrets[0]: \"reason\" is missing (add it)")]
    [InlineData("""{ "waivers": { } }""", ".nuke/security.json:1: waivers: {…} is an object (expected array)")]
    [InlineData("""{ "waivers": [ }""", ".nuke/security.json is not valid JSON (line 1); fix the file.")]
    public void A_mistake_is_one_line_naming_file_entry_value_and_fix(string json, string message)
    {
        var exception = Assert.Throws<InvalidDataException>(() => Read(json));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void Trivyignore_entries_take_the_comment_above_as_reason_and_exp_as_expiry()
    {
        var suppressions = TrivyIgnoreFile.Parse("""
            # Not reachable: we never parse untrusted certificates.
            # Tracked in OPS-12.
            CVE-2023-29331 exp:2027-01-31

            CVE-2024-0001
            # a reason, but no date
            AVD-DS-0026
            """, ".trivyignore");

        Assert.Equal(
            [new Suppression("CVE-2023-29331", null, "Not reachable: we never parse untrusted certificates. Tracked in OPS-12.", new DateOnly(2027, 1, 31), ".trivyignore:3"),
             new Suppression("CVE-2024-0001", null, null, null, ".trivyignore:5"),
             new Suppression("AVD-DS-0026", null, "a reason, but no date", null, ".trivyignore:7")],
            suppressions);
    }

    [Fact]
    public void A_trivyignore_date_that_is_no_date_names_the_line()
    {
        var exception = Assert.Throws<InvalidDataException>(() => TrivyIgnoreFile.Parse("# r\nCVE-1 exp:tomorrow\n", ".trivyignore"));

        Assert.Equal(".trivyignore line 2: 'exp:tomorrow' is not a date; write exp:YYYY-MM-DD.", exception.Message);
    }
}
