using Tollgate.Engine;
using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.Git;

namespace Tollgate.Tests.Review;

public sealed class GitDiffTests
{
    private const string Diff = """
        diff --git a/src/A.cs b/src/A.cs
        index 1111111..2222222 100644
        --- a/src/A.cs
        +++ b/src/A.cs
        @@ -3 +3 @@ namespace A;
        -    int x = 1;
        +    int x = 2;
        @@ -10,0 +11,3 @@ public class A
        +    void B()
        +    {
        +    }
        @@ -20,2 +23,0 @@ public class A
        -    // gone
        -    // gone too
        diff --git a/src/Old Name.cs b/src/New Name.cs
        similarity index 90%
        rename from src/Old Name.cs
        rename to src/New Name.cs
        index 3333333..4444444 100644
        --- a/src/Old Name.cs
        +++ b/src/New Name.cs
        @@ -1,0 +2,2 @@
        +// one
        +// two
        diff --git a/src/Moved.cs b/src/Elsewhere/Moved.cs
        similarity index 100%
        rename from src/Moved.cs
        rename to src/Elsewhere/Moved.cs
        diff --git a/src/New.cs b/src/New.cs
        new file mode 100644
        index 0000000..5555555
        --- /dev/null
        +++ b/src/New.cs
        @@ -0,0 +1,2 @@
        +namespace N;
        +class New { }
        diff --git a/src/Gone.cs b/src/Gone.cs
        deleted file mode 100644
        index 6666666..0000000
        --- a/src/Gone.cs
        +++ /dev/null
        @@ -1,2 +0,0 @@
        -namespace G;
        -class Gone { }
        """;

    [Fact]
    public void Hunks_give_the_added_and_changed_lines_of_each_file_in_head_renames_and_deletions_named()
    {
        var files = GitDiff.Parse(Diff);

        Assert.Equal(
            [
                ("src/A.cs", (string?)null, ChangeKind.Modified, "3 11 12 13"),
                ("src/New Name.cs", "src/Old Name.cs", ChangeKind.Renamed, "2 3"),
                ("src/Elsewhere/Moved.cs", "src/Moved.cs", ChangeKind.Renamed, ""),
                ("src/New.cs", null, ChangeKind.Added, "1 2"),
                ("src/Gone.cs", null, ChangeKind.Deleted, ""),
            ],
            files.Select(f => (f.Path, f.OldPath, f.Kind, string.Join(' ', f.Lines.Order()))).ToList());
    }

    [Fact]
    public void An_empty_diff_has_no_files()
    {
        Assert.Empty(GitDiff.Parse(""));
    }

    [Fact]
    public async Task A_base_git_does_not_know_is_an_error_naming_it_and_the_fix()
    {
        using var directory = new TempDirectory(withNuke: false);
        var git = await GitRepository.InitAsync(directory.Path);
        await git.CommitAsync("only");
        var runner = new ProcessRunner(new BuildLog(TextWriter.Null, TextWriter.Null, Verbosity.Normal, new SecretMasker()));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => GitDiff.MergeBaseAsync(runner, directory.Path, "origin/main", CancellationToken.None));

        Assert.StartsWith("git finds no merge base of 'origin/main' and HEAD (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("fetch the target branch with its history (git fetch --unshallow origin, or fetch-depth: 0), or name the base with --base-ref.", error.Message, StringComparison.Ordinal);
    }
}
