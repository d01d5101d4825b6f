using Tollgate.Evidence;
using Tollgate.Gates.Merge;
using Tollgate.Tests.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Shards;

/// <summary>What MergeEvidence refuses before merging anything: each a clear error naming the bundle and the fix.</summary>
public sealed class ShardBundlesTests : IDisposable
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";
    private readonly TempDirectory directory = new(withNuke: false);

    public void Dispose() => directory.Dispose();

    private string Shard(string name, int index, int total, string commit = Commit, string version = "1.2.3", EvidenceKey? key = null)
    {
        var path = Path.Combine(directory.Path, name);
        var bundle = new BundleWriter(path) { Shard = index == 0 ? null : new ShardRecord { Index = index, Total = total } };
        bundle.RecordGate(EvidenceFixture.Gate("Test", GateStatus.Passed), TimeSpan.FromSeconds(1));
        EvidenceWriter.Write(bundle, EvidenceFixture.Run("succeeded") with { Commit = commit, TollgateVersion = version }, signingKey: key);
        return path;
    }

    [Fact]
    public void With_trusted_keys_every_shard_must_be_signed_by_one_and_an_edited_signature_is_refused_as_verify_refuses_it()
    {
        var keys = SigningKeys.Create(Path.Combine(directory.Path, "keys"));
        using var signing = EvidenceKey.Read(keys.PrivatePem, "--evidence-signing-key");
        using var trusted = EvidenceKey.Read(keys.PublicPem, "--evidence-public-key");
        var good = Shard("good", 1, 2, key: signing);
        var edited = Shard("edited", 2, 2, key: signing);
        var envelope = Path.Combine(edited, ManifestSigning.EnvelopeFile);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(envelope))!;
        var signature = (string)node["signatures"]![0]!["sig"]!;
        node["signatures"]![0]!["sig"] = (signature[0] == 'A' ? "B" : "A") + signature[1..];
        File.WriteAllText(envelope, node.ToJsonString());

        var refused = Assert.Throws<InvalidDataException>(() => ShardBundles.Read([good, edited], Commit, [trusted])).Message;

        Assert.StartsWith($"the shard bundle at {edited} does not verify: untrusted: {ManifestSigning.EnvelopeFile}", refused, StringComparison.Ordinal);
        Assert.Contains("nothing was merged", refused, StringComparison.Ordinal);
        Assert.Contains("does not verify: unsigned:", Assert.Throws<InvalidDataException>(() => ShardBundles.Read([Shard("plain", 1, 1)], Commit, [trusted])).Message, StringComparison.Ordinal);
        Assert.Equal(2, ShardBundles.Read([good, Shard("good2", 2, 2, key: signing)], Commit, [trusted]).Count);
    }

    private static string Refusal(IReadOnlyList<string> bundles, string? head = Commit) =>
        Assert.Throws<InvalidDataException>(() => ShardBundles.Read(bundles, head)).Message;

    [Fact]
    public void Every_shard_of_one_commit_once_is_accepted_in_shard_order()
    {
        var bundles = ShardBundles.Read([Shard("b", 2, 2), Shard("a", 1, 2)], Commit);

        Assert.Equal([1, 2], bundles.Select(b => b.Shard.Index));
    }

    [Fact]
    public void A_missing_shard_is_refused_naming_it()
    {
        Assert.Equal("shard 3/3 is missing (given: 1, 2): merge every shard's bundle, or run the missing one again.", Refusal([Shard("a", 1, 3), Shard("b", 2, 3)]));
    }

    [Fact]
    public void A_shard_given_twice_is_refused_naming_both_bundles()
    {
        var one = Shard("a", 1, 2);
        var again = Shard("b", 1, 2);

        Assert.Equal($"shard 1/2 is given twice ({one}, {again}): give each shard's bundle once.", Refusal([one, again, Shard("c", 2, 2)]));
    }

    [Fact]
    public void Shards_of_different_commits_or_tollgate_versions_are_refused()
    {
        Assert.Equal(
            $"shard 2/2 is of commit {new string('f', 40)}, shard 1/2 of {Commit}: merge the shards of one commit.",
            Refusal([Shard("a", 1, 2), Shard("b", 2, 2, commit: new string('f', 40))]));
        Assert.Equal(
            "shard 2/2 was built by Tollgate 1.3.0, shard 1/2 by 1.2.3: run every shard with one Tollgate version.",
            Refusal([Shard("c", 1, 2), Shard("d", 2, 2, version: "1.3.0")]));
    }

    [Fact]
    public void A_bundle_that_is_not_a_shard_s_a_tampered_one_another_commit_s_or_none_are_refused()
    {
        var whole = Shard("whole", 0, 0);
        Assert.StartsWith($"the bundle at {whole} is not a shard's (its manifest names no shard)", Refusal([whole]), StringComparison.Ordinal);

        var tampered = Shard("tampered", 1, 1);
        File.AppendAllText(Path.Combine(tampered, "summary.md"), "x");
        Assert.StartsWith($"the shard bundle at {tampered} does not verify: ", Refusal([tampered]), StringComparison.Ordinal);

        Assert.Equal($"the shards are of commit {Commit}, this checkout is at {new string('e', 40)}: merge in a job of the same commit.", Refusal([Shard("x", 1, 1)], new string('e', 40)));
        Assert.Equal("--merge-evidence names no bundle: give the evidence directory of every shard of the split run.", Refusal([]));
        Assert.StartsWith("--merge-evidence /nowhere holds no manifest.json", Refusal(["/nowhere"]), StringComparison.Ordinal);
    }
}
