using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Evidence;

/// <summary>What a run records of its source for the portfolio: the commit's time and the CI files it ran under, from a real git checkout.</summary>
public sealed class RunSourceTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task A_run_records_its_commit_s_time_and_each_CI_file_s_digest_line_ends_aside_and_no_link_or_fifo()
    {
        var git = await GitRepository.InitAsync(root.Path);
        root.Write(".github/workflows/ci.yml", "name: ci\r\non: push\r\n");
        root.Write(".github/workflows/README.md", "not a workflow\n");
        root.Write("Jenkinsfile", "pipeline { }\n");
        File.CreateSymbolicLink(Path.Combine(root.Path, ".gitlab-ci.yml"), "/etc/hostname");
        await Shell.RunAsync(root.Path, "mkfifo", ["azure-pipelines.yml"]);
        await git.GitAsync("add", ".github", "Jenkinsfile");
        await git.GitAsync("-c", "user.name=T", "-c", "user.email=t@t.invalid", "commit", "--quiet", "-m", "ci", "--date", "2026-11-20T09:30:00+01:00");
        var committed = DateTimeOffset.Parse(await git.GitAsync("show", "-s", "--format=%cI", "HEAD"), System.Globalization.CultureInfo.InvariantCulture);

        var run = await HostRun.RunAsync<HostBuild>(root.Path, ["Gate"]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root.Path, "artifacts", "evidence", "manifest.json")));
        Assert.Equal(committed, manifest.RootElement.GetProperty("committedAt").GetDateTimeOffset());
        var files = manifest.RootElement.GetProperty("ciFiles").EnumerateArray().Select(f => (f.GetProperty("path").GetString(), f.GetProperty("sha256").GetString())).ToList();
        Assert.Equal([(".github/workflows/ci.yml", Sha256("name: ci\non: push\n")), ("Jenkinsfile", Sha256("pipeline { }\n"))], files);
        var verified = await HostRun.RunAsync<HostBuild>(root.Path, ["Verify"]); // the new fields are in the manifest's schema
        Assert.True(verified.ExitCode == ExitCodes.Success, verified.Output + verified.Error);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
