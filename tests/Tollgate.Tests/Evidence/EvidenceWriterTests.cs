using System.Text.Json;
using Tollgate.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Evidence;

public class EvidenceWriterTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private string Bundle => Path.Combine(root.Path, "artifacts", "evidence");

    [Fact]
    public void Writes_manifest_gate_documents_reports_and_summary_with_a_digest_for_each()
    {
        var manifest = EvidenceFixture.Write(Bundle);

        Assert.Equal(["codequality.json", "gates/lint.json", "gates/test.json", "reports/lint/format.xml", "summary.md"], manifest.Files.Select(f => f.Path));
        Assert.All(manifest.Files, f => Assert.Matches("^[0-9a-f]{64}$", f.Sha256));
        Assert.Equal(1, manifest.SchemaVersion);
        Assert.False(Directory.Exists(Bundle + ".staging"), "the staging directory is swapped in");
        Assert.Empty(EvidenceVerifier.Verify(Bundle));
    }

    [Fact]
    public void Gate_documents_keep_findings_reports_and_sorted_metrics()
    {
        EvidenceFixture.Write(Bundle);

        var text = File.ReadAllText(Path.Combine(Bundle, "gates", "lint.json"));
        using var document = JsonDocument.Parse(text);
        Assert.Equal("failed", document.RootElement.GetProperty("status").GetString());
        Assert.Equal(["alpha", "zeta"], document.RootElement.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
        Assert.Equal("reports/lint/format.xml", document.RootElement.GetProperty("reports")[0].GetString());
        Assert.Equal(12, document.RootElement.GetProperty("findings")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Every_gate_document_lists_its_commands_an_empty_list_when_it_ran_none()
    {
        EvidenceFixture.Write(Bundle, null, EvidenceFixture.Gate("Lint", GateStatus.Failed) with { Commands = ["dotnet format Sample.slnx --verify-no-changes"] }, EvidenceFixture.Gate("Test", GateStatus.Passed));

        using var lint = JsonDocument.Parse(File.ReadAllText(Path.Combine(Bundle, "gates", "lint.json")));
        using var test = JsonDocument.Parse(File.ReadAllText(Path.Combine(Bundle, "gates", "test.json")));
        Assert.Equal(["dotnet format Sample.slnx --verify-no-changes"], lint.RootElement.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Array, test.RootElement.GetProperty("commands").ValueKind);
        Assert.Equal(0, test.RootElement.GetProperty("commands").GetArrayLength());
    }

    [Fact]
    public void Secret_parameters_carry_no_value()
    {
        EvidenceFixture.Write(Bundle);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Bundle, "manifest.json")));
        var secret = manifest.RootElement.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "api-key");
        Assert.Equal(JsonValueKind.Null, secret.GetProperty("value").ValueKind);
        Assert.True(secret.GetProperty("secret").GetBoolean());
    }

    [Fact]
    public void Two_runs_of_the_same_commit_and_policy_differ_only_in_timestamps_and_durations()
    {
        var first = EvidenceFixture.Write(Bundle, EvidenceFixture.Run(startedAt: DateTimeOffset.UnixEpoch, duration: 1));
        var firstFiles = Snapshot();
        var second = EvidenceFixture.Write(Bundle, EvidenceFixture.Run(startedAt: DateTimeOffset.UnixEpoch, duration: 1));

        Assert.Equal(firstFiles, Snapshot());
        Assert.Equal(first.Files, second.Files);
    }

    [Fact]
    public void The_summary_lists_failing_gates_with_their_findings()
    {
        EvidenceFixture.Write(Bundle);

        var summary = File.ReadAllText(Path.Combine(Bundle, "summary.md"));
        Assert.Contains("| Lint | failed | 2 violations |", summary, StringComparison.Ordinal);
        Assert.Contains("- WHITESPACE (src/A.cs:12): Fix formatting", summary, StringComparison.Ordinal);
        Assert.Contains("`api-key` = `(secret)`", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staging_directory_left_by_a_crashed_run_is_cleared()
    {
        Directory.CreateDirectory(Bundle + ".staging");
        File.WriteAllText(Path.Combine(Bundle + ".staging", "stale.txt"), "old");

        var manifest = EvidenceFixture.Write(Bundle);

        Assert.DoesNotContain(manifest.Files, f => f.Path == "stale.txt");
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(Bundle, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Bundle, f), File.ReadAllText);
}
