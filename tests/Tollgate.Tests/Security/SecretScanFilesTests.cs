using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Security;

/// <summary>
/// The secret scan over the files git lists, as a hostile repository shapes them: a name that is not UTF-8, a text file
/// larger than any buffer, a binary, a link, a file deleted after it was tracked. The gate runs in-process, the other
/// scanners waived.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SecretScanFilesTests : IDisposable
{
    private const string WaiveOthers = """
        { "waivers": [ { "scanner": "nuget-audit", "reason": "this test is about the secret scan" }, { "scanner": "trivy", "reason": "this test is about the secret scan" } ] }
        """;

    private readonly TempDirectory repository = new();

    public void Dispose() => repository.Dispose();

    private string Evidence => Path.Combine(repository.Path, "artifacts", "evidence");

    private async Task<GitRepository> Repository()
    {
        var git = await GitRepository.InitAsync(repository.Path);
        repository.Write(".nuke/security.json", WaiveOthers);
        repository.Write("src/Program.cs", "System.Console.WriteLine(\"hello\");\n");
        return git;
    }

    // .NET writes names as UTF-8 only; the shell writes the byte 0xfe as it is.
    private async Task WriteRawNamed(string folder, string octalName, string content)
    {
        var made = await Shell.RunAsync(Path.Combine(repository.Path, folder), "sh", ["-c", $"printf '%s' \"$1\" > \"$(printf '{octalName}')\"", "sh", content]);
        Assert.True(made.ExitCode == 0, made.Error);
    }

    [Fact]
    public async Task A_secret_in_a_file_whose_name_is_not_utf8_fails_the_gate_and_is_named_with_the_byte_escaped()
    {
        await Repository();
        await WriteRawNamed("src", "key\\376.txt", $"aws_access_key_id = {PlantedSecrets.AwsKeyId}\n");

        var run = await HostRun.RunAsync<SecurityBuild>(repository.Path, ["SecurityScan"]);

        var gate = Gate.Read(Evidence, "SecurityScan");
        Assert.True(gate.Status == "failed", $"{gate.Status}: {string.Join("; ", gate.Reasons)}\n{run.Output}{run.Error}");
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var finding = Assert.Single(gate.Findings);
        Assert.Equal(("src/key\\xfe.txt", "aws-access-key-id", 1), (finding.GetProperty("file").GetString(), finding.GetProperty("rule").GetString(), finding.GetProperty("line").GetInt32()));
        Assert.DoesNotContain(PlantedSecrets.AwsKeyId, File.ReadAllText(Path.Combine(Evidence, "gates", "securityscan.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_file_over_any_size_limit_is_scanned_to_its_end_and_what_is_passed_over_is_listed_with_the_reason()
    {
        var git = await Repository();
        repository.Write("data/big.csv", string.Concat(Enumerable.Repeat("id,name,comment\n", 300_000)) + $"token: {PlantedSecrets.GitHub}\n");
        File.WriteAllBytes(Path.Combine(repository.Path, "data", "image.png"), [0x89, 0x50, 0x00, .. System.Text.Encoding.UTF8.GetBytes(PlantedSecrets.AwsKeyId)]);
        File.CreateSymbolicLink(Path.Combine(repository.Path, "data", "hosts"), "/etc/hosts");
        repository.Write("data/gone.txt", "tracked, then deleted\n");
        await git.GitAsync("add", "--all");
        await git.GitAsync("commit", "--quiet", "-m", "data");
        File.Delete(Path.Combine(repository.Path, "data", "gone.txt"));

        var run = await HostRun.RunAsync<SecurityBuild>(repository.Path, ["SecurityScan"]);

        var gate = Gate.Read(Evidence, "SecurityScan");
        Assert.True(gate.Status == "failed", $"{gate.Status}: {string.Join("; ", gate.Reasons)}\n{run.Output}{run.Error}");
        var finding = Assert.Single(gate.Findings);
        Assert.Equal(("data/big.csv", 300_001), (finding.GetProperty("file").GetString(), finding.GetProperty("line").GetInt32()));
        using var skipped = JsonDocument.Parse(File.ReadAllText(Path.Combine(Evidence, "reports", "securityscan", "secrets-skipped.json")));
        var reasons = skipped.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("reason").GetString()!);
        Assert.Equal(["data/gone.txt", "data/hosts", "data/image.png"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("binary", reasons["data/image.png"], StringComparison.Ordinal);
        Assert.StartsWith("a symbolic link", reasons["data/hosts"], StringComparison.Ordinal);
        Assert.StartsWith("gone", reasons["data/gone.txt"], StringComparison.Ordinal);
        Assert.Contains("3 passed over", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_a_high_finding_never_silence()
    {
        // Outside git, .NET lists a name that is not UTF-8 with a replacement character, and nothing can open it by that name.
        repository.Write(".nuke/security.json", WaiveOthers);
        await WriteRawNamed(".", "key\\376.txt", $"aws_access_key_id = {PlantedSecrets.AwsKeyId}\n");

        var run = await HostRun.RunAsync<SecurityBuild>(repository.Path, ["SecurityScan"]);

        var gate = Gate.Read(Evidence, "SecurityScan");
        Assert.True(gate.Status == "failed", $"{gate.Status}: {string.Join("; ", gate.Reasons)}\n{run.Output}{run.Error}");
        var finding = Assert.Single(gate.Findings);
        Assert.Equal(("unreadable-file", "high"), (finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Contains("not UTF-8", finding.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
