using System.Globalization;
using System.Text.RegularExpressions;

namespace Tollgate.Tools.Git;

/// <summary>
/// The lines a change added or changed: <c>git diff --unified=0 -M base...HEAD</c> (from the merge base, renames followed),
/// read from its hunk headers — no context lines, so every <c>+</c> range is exactly what the change wrote.
/// </summary>
internal static partial class GitDiff
{
    /// <summary>The merge base of <paramref name="baseRef"/> and HEAD.</summary>
    /// <exception cref="InvalidDataException">git does not know the ref, or they share no history (a shallow clone).</exception>
    public static async Task<string> MergeBaseAsync(ProcessRunner runner, string root, string baseRef, CancellationToken cancellation)
    {
        var result = await runner.RunAsync(new ProcessSpec("git", ["merge-base", baseRef, "HEAD"], root, TimeSpan.FromMinutes(1), InstallHint: "Install git."), cancellation).ConfigureAwait(false);
        return result.Succeeded
            ? result.Output.Trim()
            : throw new InvalidDataException(
                $"git finds no merge base of '{baseRef}' and HEAD ({result.Tail(2).Trim()}); fetch the target branch with its history (git fetch --unshallow origin, or fetch-depth: 0), or name the base with --base-ref.");
    }

    /// <summary>The files changed from <paramref name="mergeBase"/> to the working tree's HEAD.</summary>
    public static async Task<IReadOnlyList<ChangedFile>> ChangesAsync(ProcessRunner runner, string root, string mergeBase, CancellationToken cancellation)
    {
        var result = await runner.RunAsync(
            new ProcessSpec("git", ["-c", "core.quotePath=false", "diff", "--unified=0", "--no-color", "--no-ext-diff", "-M", $"{mergeBase}...HEAD"], root, TimeSpan.FromMinutes(2), InstallHint: "Install git."),
            cancellation).ConfigureAwait(false);
        return result.Succeeded
            ? Parse(result.Output)
            : throw new InvalidDataException($"git diff {mergeBase}...HEAD failed: {result.Tail(3).Trim()}");
    }

    /// <summary>Reads a unified diff with zero context.</summary>
    public static IReadOnlyList<ChangedFile> Parse(string diff)
    {
        var files = new List<ChangedFile>();
        string? oldPath = null, newPath = null, renameFrom = null;
        var deleted = false;
        var added = false;
        HashSet<int>? lines = null;

        void Flush()
        {
            if (lines is null)
            {
                return;
            }

            var kind = deleted ? ChangeKind.Deleted : added ? ChangeKind.Added : renameFrom is not null ? ChangeKind.Renamed : ChangeKind.Modified;
            var path = deleted ? oldPath! : newPath ?? oldPath!;
            files.Add(new ChangedFile(path, kind == ChangeKind.Renamed ? renameFrom : null, kind, lines));
        }

        foreach (var raw in diff.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush();
                var header = DiffHeader().Match(line);
                (oldPath, newPath) = header.Success ? (header.Groups[1].Value, header.Groups[2].Value) : (null, null);
                renameFrom = null;
                deleted = added = false;
                lines = [];
            }
            else if (lines is null)
            {
                continue;
            }
            else if (line.StartsWith("rename from ", StringComparison.Ordinal))
            {
                renameFrom = line["rename from ".Length..];
            }
            else if (line.StartsWith("rename to ", StringComparison.Ordinal))
            {
                newPath = line["rename to ".Length..];
            }
            else if (line.StartsWith("deleted file mode", StringComparison.Ordinal))
            {
                deleted = true;
            }
            else if (line.StartsWith("new file mode", StringComparison.Ordinal))
            {
                added = true;
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) && line != "--- /dev/null")
            {
                oldPath = Strip(line[4..], "a/");
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal) && line != "+++ /dev/null")
            {
                newPath = Strip(line[4..], "b/");
            }
            else if (Hunk().Match(line) is { Success: true } hunk)
            {
                var start = int.Parse(hunk.Groups[1].Value, CultureInfo.InvariantCulture);
                var count = hunk.Groups[2].Success ? int.Parse(hunk.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
                for (var number = start; number < start + count; number++)
                {
                    lines.Add(number);
                }
            }
        }

        Flush();
        return files;
    }

    private static string Strip(string path, string prefix) => path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;

    [GeneratedRegex(@"^diff --git a/(.+) b/(.+)$")]
    private static partial Regex DiffHeader();

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex Hunk();
}
