using Tollgate.Gates.SecurityScan;
using Tollgate.IO;
using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.Git;

namespace Tollgate.Tests.Security;

public sealed class SecretScannerTests
{
    [Fact]
    public void A_rule_whose_search_runs_out_of_time_makes_the_file_unreadable_and_the_scan_goes_on()
    {
        using var root = new TempDirectory(withNuke: false);
        root.Write("slow.txt", new string('a', 40) + "!\n");
        root.Write("next.txt", $"key = {PlantedSecrets.AwsKeyId}\n");
        // Nested quantifiers on a long run of one letter that does not end the pattern: the classic catastrophic backtracking.
        var slow = new SecretRule("slow", "slow rule", "high", new System.Text.RegularExpressions.Regex("(?<secret>(a+)+$)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(5)));

        var scan = SecretScanner.Scan(root.Path, [RawPath.FromText("slow.txt"), RawPath.FromText("next.txt")], rules: [slow, .. SecretRules.All]);

        var unreadable = Assert.Single(scan.Unreadable);
        Assert.Equal("slow.txt", unreadable.File);
        Assert.StartsWith("a rule's search ran past its", unreadable.Reason, StringComparison.Ordinal);
        var hit = Assert.Single(scan.Hits);
        Assert.Equal(("next.txt", "aws-access-key-id"), (hit.File, hit.Rule.Id));
    }

    [Fact]
    public void Every_planted_secret_is_found_on_its_line_by_its_rule()
    {
        var (text, expected) = PlantedSecrets.File();

        var hits = SecretScanner.ScanText(text, "config/settings.txt").ToList();

        Assert.Equal(expected, hits.Select(h => (h.Rule.Id, h.Line)));
        Assert.All(hits, h => Assert.Equal("config/settings.txt", h.File));
    }

    [Fact]
    public void No_masked_form_holds_a_secret_value()
    {
        var (text, _) = PlantedSecrets.File();

        var hits = SecretScanner.ScanText(text, "f").ToList();

        foreach (var value in PlantedSecrets.Values)
        {
            Assert.DoesNotContain(hits, h => h.Masked.Contains(value, StringComparison.Ordinal) || value.Length > 8 && h.Masked.Contains(value[4..], StringComparison.Ordinal));
        }

        Assert.Equal("AKIA********", hits.Single(h => h.Rule.Id == "aws-access-key-id").Masked);
        Assert.Equal("********", hits.Single(h => h.Rule.Id == "url-credentials").Masked);
    }

    [Theory]
    [InlineData("Server=db;Database=x;User Id=app;Password=${DB_PASSWORD};")]
    [InlineData("Server=db;Database=x;User Id=app;Password={0};")]
    [InlineData("Server=db;Database=x;Password=<password>;")]
    [InlineData("Server=db;Database=x;Password=*****;")]
    [InlineData("https://user:token@github.com/org/repo.git")]
    [InlineData("https://github.com/org/repo.git")]
    [InlineData("user@example.com:22")]
    [InlineData("AKIA is the prefix of an AWS access key id")]
    [InlineData("var pattern = \"ghp_\" + suffix;")]
    public void Placeholders_and_ordinary_text_are_not_secrets(string line)
    {
        Assert.Empty(SecretScanner.ScanText(line, "f"));
    }

    [Fact]
    public void Binary_files_are_passed_over_with_the_reason_and_a_text_file_is_read_to_its_end_whatever_its_size()
    {
        using var directory = new TempDirectory(withNuke: false);
        File.WriteAllBytes(Path.Combine(directory.Path, "image.png"), [0x89, 0x50, 0x00, .. System.Text.Encoding.UTF8.GetBytes(PlantedSecrets.AwsKeyId)]);
        File.WriteAllText(Path.Combine(directory.Path, "huge.log"), new string('x', 3 * 1024 * 1024) + "\n" + PlantedSecrets.AwsKeyId);
        directory.Write("small.txt", PlantedSecrets.AwsKeyId);

        var scan = SecretScanner.Scan(directory.Path, SecretScanner.FilesBelow(directory.Path));

        Assert.Equal(["huge.log:2", "small.txt:1"], scan.Hits.Select(h => $"{h.File}:{h.Line}"));
        Assert.Equal(new SkippedFile("image.png", $"binary (a NUL byte in its first {SecretScanner.BinaryProbeBytes} bytes)"), Assert.Single(scan.Skipped));
        Assert.Equal(2, scan.Scanned);
    }

    [Fact]
    public void A_token_across_the_cut_of_a_line_longer_than_a_piece_is_found_once()
    {
        using var directory = new TempDirectory(withNuke: false);
        var before = new string('x', TextSegments.MaxChars - 10) + " ";
        File.WriteAllText(Path.Combine(directory.Path, "bundle.min.js"), before + PlantedSecrets.GitHub + " " + new string('y', TextSegments.MaxChars));

        var scan = SecretScanner.Scan(directory.Path, ["bundle.min.js"]);

        Assert.Equal("bundle.min.js:1 github-token", string.Join(", ", scan.Hits.Select(h => $"{h.File}:{h.Line} {h.Rule.Id}")));
    }

    [Fact]
    public void Outside_git_build_output_and_tool_state_are_not_walked()
    {
        using var directory = new TempDirectory(withNuke: true);
        foreach (var path in new[] { "src/bin/Release/a.txt", "src/obj/b.txt", "artifacts/c.txt", ".nuke/temp/d.txt", ".git/e.txt", "src/f.txt", ".nuke/g.json" })
        {
            directory.Write(path, "x");
        }

        Assert.Equal([".nuke/g.json", "src/f.txt"], SecretScanner.FilesBelow(directory.Path));
    }

    [Fact]
    public async Task Tollgate_s_own_repository_has_no_secret_scan_hit()
    {
        var runner = new ProcessRunner(new BuildLog(TextWriter.Null, TextWriter.Null, Verbosity.Quiet, new Tollgate.Engine.SecretMasker()));
        var files = await GitFiles.ListAsync(runner, RepositoryRoot.Path, CancellationToken.None);

        var scan = files is null ? SecretScanner.Scan(RepositoryRoot.Path, SecretScanner.FilesBelow(RepositoryRoot.Path)) : SecretScanner.Scan(RepositoryRoot.Path, files);

        Assert.True(scan.Scanned > 100, $"only {scan.Scanned} files read");
        Assert.Empty(scan.Hits.Select(h => $"{h.File}:{h.Line} {h.Rule.Id}"));
        Assert.Empty(scan.Unreadable);
    }
}
