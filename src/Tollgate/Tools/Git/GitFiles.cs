namespace Tollgate.Tools.Git;

/// <summary>The files git would commit: tracked ones and untracked ones not ignored.</summary>
internal static class GitFiles
{
    /// <summary>Repository-relative paths with forward slashes, sorted; null outside a git repository or without git.</summary>
    public static async Task<IReadOnlyList<string>?> ListAsync(ProcessRunner runner, string root, CancellationToken cancellation)
    {
        try
        {
            var result = await runner.RunAsync(
                new ProcessSpec("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root, TimeSpan.FromMinutes(2)), cancellation).ConfigureAwait(false);
            return result.Succeeded
                ? result.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\r', '\n')).Where(f => f.Length > 0)
                    .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
                : null;
        }
        catch (ToolNotFoundException)
        {
            return null;
        }
    }
}
