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

        Assert.Contains("altered: gates/test.json (its size differs from the manifest's 498 bytes)".Replace("498", ManifestEntry("gates/test.json")["bytes"]!.ToString(), StringComparison.Ordinal), EvidenceVerifier.Verify(Bundle));
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

    // The manifest's entry for a file, to be edited as an attacker would (the manifest is not signed in these tests).
    private JsonObject ManifestEntry(string path) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Bundle, "manifest.json")))!["files"]!.AsArray().OfType<JsonObject>().Single(f => (string?)f["path"] == path);

    // Points a listed file at another one, with the manifest's digest and size made to match it, as an attacker who can write the folder would.
    private void Relink(string entry, string target, Action<string, string> link)
    {
        var manifestPath = Path.Combine(Bundle, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var file = manifest["files"]!.AsArray().OfType<JsonObject>().Single(f => (string?)f["path"] == entry);
        var bytes = File.Exists(target) ? new FileInfo(target).Length : 0;
        file["sha256"] = bytes == 0 ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([])) : Tollgate.IO.FileDigest.Sha256(target);
        file["bytes"] = bytes;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        File.Delete(Path.Combine(Bundle, entry));
        link(Path.Combine(Bundle, entry), target);
    }

    [Fact]
    public void A_file_that_is_a_link_out_of_the_bundle_is_unsafe_even_with_the_digest_of_what_it_points_at()
    {
        Relink("reports/lint/format.xml", "/etc/passwd", (link, target) => File.CreateSymbolicLink(link, target));

        Assert.Equal(["unsafe: reports/lint/format.xml is reached through the symbolic link reports/lint/format.xml, which may point outside the bundle"], EvidenceVerifier.Verify(Bundle));
    }

    [Fact]
    public void A_link_to_a_device_or_a_fifo_is_refused_without_reading_it()
    {
        var fifo = Path.Combine(root.Path, "fifo");
        Assert.Equal(0, Tollgate.Tests.Support.Interop.MakeFifo(fifo));
        Relink("summary.md", "/dev/zero", (link, target) => File.CreateSymbolicLink(link, target));
        Relink("reports/lint/format.xml", fifo, (link, target) => File.CreateSymbolicLink(link, target));

        var problems = EvidenceVerifier.Verify(Bundle); // would hang on the fifo, or read /dev/zero for ever, if it followed the links

        Assert.Contains("unsafe: summary.md is reached through the symbolic link summary.md, which may point outside the bundle", problems);
        Assert.Contains("unsafe: reports/lint/format.xml is reached through the symbolic link reports/lint/format.xml, which may point outside the bundle", problems);
    }

    [Fact]
    public void A_fifo_inside_the_bundle_in_place_of_a_gate_document_is_never_opened()
    {
        File.Delete(Path.Combine(Bundle, "gates", "test.json"));
        Assert.Equal(0, Tollgate.Tests.Support.Interop.MakeFifo(Path.Combine(Bundle, "gates", "test.json")));

        var problems = EvidenceVerifier.Verify(Bundle);

        Assert.Contains(problems, p => p.StartsWith("altered: gates/test.json (its size differs from the manifest's", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_that_is_a_link_and_a_manifest_that_is_a_link_are_unsafe()
    {
        var elsewhere = Path.Combine(root.Path, "elsewhere");
        Directory.Move(Path.Combine(Bundle, "reports"), elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(Bundle, "reports"), elsewhere);

        Assert.Contains("unsafe: reports/lint/format.xml is reached through the symbolic link reports, which may point outside the bundle", EvidenceVerifier.Verify(Bundle));

        var copy = Path.Combine(root.Path, "manifest-copy.json");
        File.Move(Path.Combine(Bundle, "manifest.json"), copy);
        File.CreateSymbolicLink(Path.Combine(Bundle, "manifest.json"), copy);
        Assert.Equal(["unsafe: manifest.json is reached through the symbolic link manifest.json, which may point outside the bundle"], EvidenceVerifier.Verify(Bundle));
    }

    [Fact]
    public void A_manifest_whose_figures_were_edited_alone_does_not_verify()
    {
        var manifestPath = Path.Combine(Bundle, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var test = manifest["gates"]!.AsArray().OfType<JsonObject>().Single(g => (string?)g["name"] == "Test");
        test["metrics"]!["alpha"] = 95.12;
        test["headline"] = "all good";
        test["thresholds"]!["violations"] = 5;
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        Assert.Equal(
            [
                "figure: manifest.json says Test's headline is 'all good', gates/test.json does not",
                "figure: manifest.json says Test's metric alpha is 95.12, gates/test.json does not",
                "figure: manifest.json says Test's threshold violations is 5, gates/test.json does not",
            ],
            EvidenceVerifier.Verify(Bundle));
    }

    [Fact]
    public void Every_value_the_manifest_schema_refuses_is_named_by_line_at_once_never_as_a_type_name()
    {
        var manifestPath = Path.Combine(Bundle, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["durationSeconds"] = -3;
        manifest["files"]!.AsArray().Add(null);
        manifest["gates"]![0]!["durationSeconds"] = -1;
        File.WriteAllText(manifestPath, manifest.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var problems = EvidenceVerifier.Verify(Bundle);

        Assert.True(problems.Count == 3, string.Join("\n", problems));
        Assert.All(problems, p => Assert.Matches(@"^invalid: .*manifest\.json:\d+: ", p));
        Assert.Contains(problems, p => p.EndsWith(": durationSeconds: -3 is too small (expected 0 or more)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith(": gates[0].durationSeconds: -1 is too small (expected 0 or more)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith(": files[5]: null where an object belongs", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("could not be converted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_that_started_in_the_future_is_refused_and_a_clock_a_little_ahead_is_not()
    {
        using var ahead = new TempDirectory(withNuke: false);
        EvidenceFixture.Write(ahead.Path, EvidenceFixture.Run("succeeded", startedAt: DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2)), EvidenceFixture.Gate("Lint", GateStatus.Passed));
        using var future = new TempDirectory(withNuke: false);
        EvidenceFixture.Write(future.Path, EvidenceFixture.Run("succeeded", startedAt: DateTimeOffset.UtcNow + TimeSpan.FromDays(400)), EvidenceFixture.Gate("Lint", GateStatus.Passed));

        Assert.Empty(EvidenceVerifier.Verify(ahead.Path));
        var problem = Assert.Single(EvidenceVerifier.Verify(future.Path));
        Assert.StartsWith("clock: manifest.json says its run started at ", problem, StringComparison.Ordinal);
        Assert.Contains("no run can prove what has not happened", problem, StringComparison.Ordinal);
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
