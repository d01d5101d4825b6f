using System.Text.Json.Nodes;
using Tollgate.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Evidence;

public class EvidenceVerifierTests : IDisposable
{
    private readonly TempDirectory root = new();

    public EvidenceVerifierTests() => EvidenceFixture.Write(Bundle);

    public void Dispose() => root.Dispose();

    private string Bundle => Path.Combine(root.Path, "evidence");

    [Fact]
    public void An_intact_bundle_verifies() => Assert.Empty(EvidenceVerifier.Verify(Bundle));

    [Fact]
    public void A_truncated_file_is_altered()
    {
        var path = Path.Combine(Bundle, "gates", "test.json");
        File.WriteAllText(path, File.ReadAllText(path)[..10]);

        Assert.Contains("altered: gates/test.json (its SHA-256 differs from the manifest's)", EvidenceVerifier.Verify(Bundle));
    }

    [Fact]
    public void One_changed_byte_is_altered()
    {
        var path = Path.Combine(Bundle, "reports", "lint", "format.xml");
        var bytes = File.ReadAllBytes(path);
        bytes[1] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        Assert.Equal(["altered: reports/lint/format.xml (its SHA-256 differs from the manifest's)"], EvidenceVerifier.Verify(Bundle));
    }

    [Fact]
    public void An_extra_file_is_added()
    {
        File.WriteAllText(Path.Combine(Bundle, "reports", "planted.txt"), "x");

        Assert.Equal(["added: reports/planted.txt (not in the manifest)"], EvidenceVerifier.Verify(Bundle));
    }

    [Fact]
    public void A_deleted_file_is_missing()
    {
        File.Delete(Path.Combine(Bundle, "summary.md"));

        Assert.Equal(["missing: summary.md"], EvidenceVerifier.Verify(Bundle));
    }

    [Fact]
    public void A_missing_manifest_fails_verification()
    {
        File.Delete(Path.Combine(Bundle, "manifest.json"));

        var problem = Assert.Single(EvidenceVerifier.Verify(Bundle));
        Assert.Contains("manifest.json: missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_that_is_not_json_fails_verification()
    {
        File.WriteAllText(Path.Combine(Bundle, "manifest.json"), "{ not json");

        Assert.Contains("not a valid manifest", Assert.Single(EvidenceVerifier.Verify(Bundle)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_bundle_fails_verification()
    {
        Assert.Contains("no evidence bundle there", Assert.Single(EvidenceVerifier.Verify(Path.Combine(root.Path, "nowhere"))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_verdict_flipped_in_the_manifest_is_caught_even_with_digests_intact()
    {
        var path = Path.Combine(Bundle, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["gates"]![0]!["status"] = "passed";
        manifest["outcome"] = "succeeded";
        File.WriteAllText(path, manifest.ToJsonString());

        var problems = EvidenceVerifier.Verify(Bundle);

        Assert.Contains("verdict: gates/lint.json says failed, the manifest says passed", problems);
    }

    [Fact]
    public void A_success_claimed_over_a_failed_gate_is_caught()
    {
        var path = Path.Combine(Bundle, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["outcome"] = "succeeded";
        File.WriteAllText(path, manifest.ToJsonString());

        Assert.Contains(EvidenceVerifier.Verify(Bundle), p => p.Contains("says the run succeeded, but gate Lint failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Another_schema_version_is_refused()
    {
        var path = Path.Combine(Bundle, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        manifest["schemaVersion"] = 99;
        File.WriteAllText(path, manifest.ToJsonString());

        Assert.Contains("schema version 99", Assert.Single(EvidenceVerifier.Verify(Bundle)), StringComparison.Ordinal);
    }
}
