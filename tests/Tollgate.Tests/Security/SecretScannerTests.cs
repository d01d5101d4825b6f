using Tollgate.Gates.SecurityScan;
using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.Git;

namespace Tollgate.Tests.Security;

public sealed class SecretScannerTests
{
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
    public void Binary_and_oversized_files_are_passed_over()
    {
        using var directory = new TempDirectory(withNuke: false);
        File.WriteAllBytes(Path.Combine(directory.Path, "image.png"), [0x89, 0x50, 0x00, .. System.Text.Encoding.UTF8.GetBytes(PlantedSecrets.AwsKeyId)]);
        File.WriteAllText(Path.Combine(directory.Path, "huge.log"), PlantedSecrets.AwsKeyId + new string('x', (int)SecretScanner.MaxBytes));
        directory.Write("small.txt", PlantedSecrets.AwsKeyId);

        var hits = SecretScanner.Scan(directory.Path, SecretScanner.FilesBelow(directory.Path));

        Assert.Equal("small.txt", Assert.Single(hits).File);
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
        var files = await GitFiles.ListAsync(runner, RepositoryRoot.Path, CancellationToken.None) ?? SecretScanner.FilesBelow(RepositoryRoot.Path);

        var hits = SecretScanner.Scan(RepositoryRoot.Path, files);

        Assert.True(files.Count > 100, $"only {files.Count} files listed");
        Assert.Empty(hits.Select(h => $"{h.File}:{h.Line} {h.Rule.Id}"));
    }
}
