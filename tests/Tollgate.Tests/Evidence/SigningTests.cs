using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tollgate.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Evidence;

public sealed class SigningTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private string Bundle => Path.Combine(root.Path, "evidence");

    private Manifest WriteBundle(EvidenceKey? key)
    {
        var bundle = new BundleWriter(Bundle);
        bundle.RecordGate(EvidenceFixture.Gate("Lint", GateStatus.Passed), TimeSpan.FromSeconds(2));
        bundle.RecordGate(EvidenceFixture.Gate("Test", GateStatus.Passed), TimeSpan.FromSeconds(3));
        var report = root.Write("report.xml", "<report tests=\"5\" />");
        bundle.AddReport("Lint", report, "format.xml");
        return EvidenceWriter.Write(bundle, EvidenceFixture.Run("succeeded"), signingKey: key);
    }

    private static EvidenceKey Key(string path) => EvidenceKey.Read(path, "test");

    [Fact]
    public void Dsse_pre_authentication_encoding_is_the_specification_s()
    {
        var pae = DsseEnvelope.Pae("http://example.com/HelloWorld", Encoding.UTF8.GetBytes("hello world"));

        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public void A_signed_bundle_verifies_with_its_public_key_and_names_the_key()
    {
        var keys = SigningKeys.Create(root.Path);
        using var signing = Key(keys.PrivatePem);
        using var check = Key(keys.PublicPem);

        var manifest = WriteBundle(signing);

        Assert.Equal(("signed", keys.Id, "manifest.sig.json"), (manifest.Signing!.Status, manifest.Signing.KeyId, manifest.Signing.Envelope));
        Assert.Equal(keys.Id, check.Id);
        Assert.Empty(EvidenceVerifier.Verify(Bundle, [check]));
        var envelope = JsonSerializer.Deserialize<DsseEnvelope>(File.ReadAllText(Path.Combine(Bundle, "manifest.sig.json")))!;
        Assert.Equal(DsseEnvelope.ManifestType, envelope.PayloadType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Bundle, "manifest.json")), envelope.Body());
    }

    [Fact]
    public void Any_single_byte_changed_in_any_file_of_a_signed_bundle_fails_verify_naming_the_file()
    {
        var keys = SigningKeys.Create(root.Path);
        using var signing = Key(keys.PrivatePem);
        using var check = Key(keys.PublicPem);
        WriteBundle(signing);
        var files = Directory.GetFiles(Bundle, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Bundle, f).Replace('\\', '/')).ToList();
        Assert.Contains("manifest.sig.json", files);
        Assert.Contains("reports/lint/format.xml", files);

        foreach (var file in files)
        {
            var path = Path.Combine(Bundle, file);
            var original = File.ReadAllBytes(path);
            foreach (var at in new[] { 0, original.Length / 2, original.Length - 2 })
            {
                var changed = (byte[])original.Clone();
                changed[at] ^= 0x01;
                File.WriteAllBytes(path, changed);

                var problems = EvidenceVerifier.Verify(Bundle, [check]);

                Assert.True(problems.Any(p => p.Contains(file, StringComparison.Ordinal) || (file == "manifest.json" && p.Contains("manifest", StringComparison.Ordinal))),
                    $"{file} byte {at}: {string.Join(" | ", problems)}");
                File.WriteAllBytes(path, original);
            }
        }

        Assert.Empty(EvidenceVerifier.Verify(Bundle, [check]));
    }

    [Fact]
    public void An_edited_commit_in_a_signed_manifest_is_caught_even_without_a_key()
    {
        using var signing = Key(SigningKeys.Create(root.Path).PrivatePem);
        WriteBundle(signing);
        var manifest = Path.Combine(Bundle, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("0123456789abcdef", "fedcba9876543210", StringComparison.Ordinal));

        var problems = EvidenceVerifier.Verify(Bundle);

        Assert.Contains(problems, p => p.StartsWith("altered: manifest.json", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bundle_signed_by_another_key_is_untrusted_naming_both_key_ids()
    {
        var ours = SigningKeys.Create(root.Path, "ours");
        var theirs = SigningKeys.Create(root.Path, "theirs");
        using var signing = Key(theirs.PrivatePem);
        using var check = Key(ours.PublicPem);
        WriteBundle(signing);

        var problem = Assert.Single(EvidenceVerifier.Verify(Bundle, [check]));

        Assert.StartsWith("untrusted: manifest.sig.json: signed by key " + theirs.Id, problem, StringComparison.Ordinal);
        Assert.Contains(ours.Id, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void During_a_rotation_both_the_old_and_the_new_key_are_trusted()
    {
        var old = SigningKeys.Create(root.Path, "old");
        var next = SigningKeys.Create(root.Path, "new");
        using var oldPublic = Key(old.PublicPem);
        using var newPublic = Key(next.PublicPem);
        using var newPrivate = Key(next.PrivatePem);

        WriteBundle(newPrivate);

        Assert.Empty(EvidenceVerifier.Verify(Bundle, [oldPublic, newPublic]));
        Assert.NotEmpty(EvidenceVerifier.Verify(Bundle, [oldPublic]));
    }

    [Fact]
    public void An_unsigned_bundle_says_so_verifies_without_keys_and_fails_with_them()
    {
        using var check = Key(SigningKeys.Create(root.Path).PublicPem);

        var manifest = WriteBundle(null);

        Assert.Equal("unsigned", manifest.Signing!.Status);
        Assert.Contains("\"status\": \"unsigned\"", File.ReadAllText(Path.Combine(Bundle, "manifest.json")), StringComparison.Ordinal);
        Assert.Empty(EvidenceVerifier.Verify(Bundle));
        Assert.StartsWith("unsigned: manifest.json is not signed", Assert.Single(EvidenceVerifier.Verify(Bundle, [check])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_bundle_without_its_envelope_is_missing_it()
    {
        using var signing = Key(SigningKeys.Create(root.Path).PrivatePem);
        WriteBundle(signing);
        File.Delete(Path.Combine(Bundle, "manifest.sig.json"));

        Assert.Contains(EvidenceVerifier.Verify(Bundle), p => p.StartsWith("missing: manifest.sig.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_other_than_ecdsa_p256_are_refused_with_the_fix()
    {
        using var rsa = RSA.Create(2048);
        var rsaPem = root.Write("rsa.pem", rsa.ExportPkcs8PrivateKeyPem());
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var p384Pem = root.Write("p384.pem", p384.ExportPkcs8PrivateKeyPem());

        Assert.Contains("openssl ecparam -name prime256v1", Assert.Throws<InvalidDataException>(() => EvidenceKey.Read(rsaPem, "--evidence-signing-key")).Message, StringComparison.Ordinal);
        Assert.Contains("P-256 (prime256v1) only", Assert.Throws<InvalidDataException>(() => EvidenceKey.Read(p384Pem, "--evidence-signing-key")).Message, StringComparison.Ordinal);
        Assert.Contains("neither a PEM key nor a file", Assert.Throws<InvalidDataException>(() => EvidenceKey.Read("no/such.pem", "--evidence-signing-key")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_as_pem_text_is_the_same_key_as_its_file()
    {
        var keys = SigningKeys.Create(root.Path);

        using var fromText = EvidenceKey.Read(File.ReadAllText(keys.PrivatePem), "TOLLGATE_EVIDENCE_SIGNING_KEY");

        Assert.Equal(keys.Id, fromText.Id);
        Assert.True(fromText.IsPrivate);
    }
}
