using Tollgate.IO;

namespace Tollgate.Tools.Git;

/// <summary>The files git would commit: tracked ones and untracked ones not ignored.</summary>
internal static class GitFiles
{
    /// <summary>Repository-relative names (with every byte git holds), sorted; null outside a git repository or without git.</summary>
    public static async Task<IReadOnlyList<RawPath>?> ListAsync(ProcessRunner runner, string root, CancellationToken cancellation)
    {
        try
        {
            var result = await runner.RunAsync(
                new ProcessSpec("git", ["-c", "core.quotePath=true", "ls-files", "--cached", "--others", "--exclude-standard"], root, TimeSpan.FromMinutes(2)),
                cancellation).ConfigureAwait(false);
            return result.Succeeded
                ? result.Output.Split('\n').Select(f => f.TrimEnd('\r')).Where(f => f.Length > 0).Select(GitQuotedName.Parse)
                    .Distinct().OrderBy(f => f.Text, StringComparer.Ordinal).ToList()
                : null;
        }
        catch (ToolNotFoundException)
        {
            return null;
        }
    }
}
