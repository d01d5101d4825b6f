using System.Text.Json.Nodes;
using Tollgate.Evidence;
using Tollgate.IO;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Evidence;

/// <summary>The bundle's contract: a schema per JSON file Tollgate writes, and Verify holds each file to it even when its digest was made to match.</summary>
public sealed class BundleSchemasTests : IDisposable
{
    private readonly TempDirectory root = new();

    public BundleSchemasTests() => EvidenceFixture.Write(Bundle);

    public void Dispose() => root.Dispose();

    private string Bundle => Path.Combine(root.Path, "evidence");

    // An edit the manifest's digest is made to agree with, as an unsigned bundle allows: only the contract can catch it.
    private void Rewrite(string bundlePath, Action<JsonNode> edit)
    {
        var path = Path.Combine(Bundle, bundlePath);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        edit(node);
        File.WriteAllText(path, node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var manifestPath = Path.Combine(Bundle, Manifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        var entry = manifest["files"]!.AsArray().Single(f => (string?)f!["path"] == bundlePath)!;
        entry["sha256"] = FileDigest.Sha256(path);
        entry["bytes"] = new FileInfo(path).Length;
        File.WriteAllText(manifestPath, manifest.ToJsonString());
    }

    [Fact]
    public void Every_schema_is_draft_07_with_an_id_and_every_tollgate_file_has_one()
    {
        foreach (var name in BundleSchemas.Names)
        {
            var schema = JsonNode.Parse(BundleSchemas.Text(name))!;
            Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
            Assert.Equal($"https://tollgate.invalid/schemas/{name}-1.json", (string?)schema["$id"]);
        }

        Assert.Equal(["manifest", "manifest", "gate", "artifacts", "projects", "deployment", "codequality", "codequality", "changed-lines", "shard-timings", null, null, null],
            new[]
            {
                "manifest.json", "promoted-manifest.json", "gates/lint.json", "artifacts.json", "projects.json", "deployment.json", "codequality.json", "pr-codequality.json",
                "reports/pullrequest/changed-lines.json", "reports/shards/test.json", "reports/lint/x.json", "junit.xml", "provenance/package.intoto.json",
            }.Select(BundleSchemas.For));
        Assert.Empty(EvidenceVerifier.Verify(Bundle));
    }

    private IReadOnlyList<string> Problems(string bundlePath, string text) => BundleSchemas.Problems(root.Write("check/" + Path.GetFileName(bundlePath), text), bundlePath);

    [Fact]
    public void The_code_quality_changed_lines_and_shard_timings_files_as_written_follow_their_schemas_and_a_broken_one_does_not()
    {
        var gate = EvidenceFixture.Gate("Lint", GateStatus.Failed) with
        {
            Findings = [new Finding { Kind = "lint", Message = "Fix formatting", File = "src/A.cs", Line = 0, Rule = "WHITESPACE", Severity = "warning" }],
        };

        Assert.Empty(Problems("codequality.json", CodeQualityExporter.Render([gate])));
        Assert.Empty(Problems("pr-codequality.json", "[]"));
        Assert.Empty(Problems("reports/shards/test.json", new Tollgate.Gates.Shards.ShardTimings(new Dictionary<string, double> { ["test:t/T.csproj"] = 1.25 }).ToJson()));
        Assert.Empty(Problems("reports/pullrequest/changed-lines.json", """{ "src/A.cs": [2, 3] }"""));
        Assert.NotEmpty(Problems("codequality.json", """[ { "description": "x", "check_name": "R", "fingerprint": "nothex", "severity": "major", "location": { "path": "a.cs", "lines": { "begin": 1 } } } ]"""));
        Assert.NotEmpty(Problems("reports/shards/test.json", """{ "units": { "test:a": -1 } }"""));
        Assert.NotEmpty(Problems("reports/pullrequest/changed-lines.json", """{ "src/A.cs": [0] }"""));
    }

    [Fact]
    public void A_gate_document_outside_its_schema_does_not_verify_though_its_digest_matches()
    {
        Rewrite("gates/lint.json", gate =>
        {
            gate["verdict"] = "fine";
            gate["durationSeconds"] = -2;
            gate["findings"]!.AsArray().Add(new JsonObject { ["kind"] = "violation" });
        });

        var all = EvidenceVerifier.Verify(Bundle);
        var problems = all.Where(p => p.StartsWith("invalid: ", StringComparison.Ordinal)).ToList();

        Assert.True(problems.Count >= 3, string.Join("\n", all));
        Assert.All(problems, p => Assert.StartsWith("invalid: gates/lint.json:", p, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("verdict", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.EndsWith("durationSeconds: -2 is too small (expected 0 or more)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("message", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tool_of_ones_own_opens_a_bundle_that_verifies_and_reads_it_typed()
    {
        var bundle = EvidenceBundle.Open(Bundle);

        Assert.Equal(Path.GetFullPath(Bundle), bundle.Directory);
        Assert.Equal(bundle.Manifest.Gates.Select(g => g.Name), bundle.Gates.Select(g => g.Gate));
        var lint = bundle.Gate("lint");
        Assert.NotNull(lint);
        Assert.Equal(bundle.Manifest.Gates.Single(g => g.Name == "Lint").Headline, lint.Headline);
        Assert.Null(bundle.Gate("Nothing"));
    }

    [Fact]
    public void A_bundle_that_does_not_verify_is_not_opened_and_every_problem_is_said()
    {
        File.AppendAllText(Path.Combine(Bundle, "gates", "lint.json"), " ");
        File.WriteAllText(Path.Combine(Bundle, "added.txt"), "x");

        var error = Assert.Throws<InvalidDataException>(() => EvidenceBundle.Open(Bundle));

        Assert.Contains("altered: gates/lint.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("added: added.txt", error.Message, StringComparison.Ordinal);
    }
}
