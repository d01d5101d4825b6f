using System.Globalization;

namespace Tollgate.Tools.Git;

/// <summary>What versioning needs from git: HEAD, its branch, whether the clone is shallow, and the tags HEAD contains.</summary>
/// <param name="Sha">HEAD's full sha.</param>
/// <param name="Branch">The checked-out branch, or null on a detached HEAD.</param>
/// <param name="Shallow">Whether history is cut off (a <c>--depth</c> clone).</param>
/// <param name="Tags">The tags reachable from HEAD whose name matches the pattern.</param>
internal sealed record GitHistory(string Sha, string? Branch, bool Shallow, IReadOnlyList<string> Tags)
{
    /// <summary>Reads the history of the repository at <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">It is not a git repository or has no commit.</exception>
    public static async Task<GitHistory> ReadAsync(ProcessRunner runner, string root, string tagPattern, CancellationToken cancellation)
    {
        var sha = await Git(runner, root, ["rev-parse", "HEAD"], cancellation).ConfigureAwait(false)
            ?? throw new InvalidDataException($"{root} is not a git repository with a commit; the version is computed from git history.");
        var branch = await Git(runner, root, ["symbolic-ref", "--quiet", "--short", "HEAD"], cancellation).ConfigureAwait(false);
        var shallow = await Git(runner, root, ["rev-parse", "--is-shallow-repository"], cancellation).ConfigureAwait(false) == "true";
        var tags = await Git(runner, root, ["tag", "--merged", "HEAD", "--list", tagPattern], cancellation).ConfigureAwait(false) ?? "";
        return new GitHistory(sha, branch, shallow, tags.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>How many commits HEAD has that <paramref name="since"/> (a tag) does not; with no tag, all of HEAD's commits.</summary>
    public static async Task<int> HeightAsync(ProcessRunner runner, string root, string? since, CancellationToken cancellation)
    {
        var count = await Git(runner, root, ["rev-list", "--count", since is null ? "HEAD" : $"{since}..HEAD"], cancellation).ConfigureAwait(false);
        return int.Parse(count ?? "0", CultureInfo.InvariantCulture);
    }

    /// <summary>The release tags on HEAD itself (<c>v1.2.3</c>, <c>1.2</c>, <c>v2.0.0-rc.1</c>); none outside git.</summary>
    public static async Task<IReadOnlyList<string>> ReleaseTagsAtHeadAsync(ProcessRunner runner, string root, CancellationToken cancellation)
    {
        try
        {
            var tags = await Git(runner, root, ["tag", "--points-at", "HEAD"], cancellation).ConfigureAwait(false) ?? "";
            return tags.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^v?\d+\.\d+(\.\d+)?([-+].*)?$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
                .ToList();
        }
        catch (ToolNotFoundException)
        {
            return [];
        }
    }

    private static async Task<string?> Git(ProcessRunner runner, string root, IReadOnlyList<string> arguments, CancellationToken cancellation)
    {
        var result = await runner.RunAsync(new ProcessSpec("git", arguments, root, TimeSpan.FromMinutes(1), InstallHint: "Install git."), cancellation).ConfigureAwait(false);
        return result.Succeeded ? result.Output.Trim() : null;
    }
}
