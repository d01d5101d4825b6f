namespace Tollgate.Tools.Git;

/// <summary>What git says of the repository: the commit, the remote (without credentials), the branch, and whether the clone is shallow.</summary>
public sealed record GitFacts(string? Commit, string? Remote, string? Branch = null, bool Shallow = false)
{
    /// <summary>Reads the facts; outside a git repository, or without git, both are null.</summary>
    public static async Task<GitFacts> ReadAsync(ProcessRunner runner, string root, CancellationToken cancellation)
    {
        try
        {
            var commit = await runner.RunAsync(new ProcessSpec("git", ["rev-parse", "HEAD"], root, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
            if (!commit.Succeeded)
            {
                return new GitFacts(null, null);
            }

            var remote = await runner.RunAsync(new ProcessSpec("git", ["config", "--get", "remote.origin.url"], root, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
            var branch = await runner.RunAsync(new ProcessSpec("git", ["symbolic-ref", "--quiet", "--short", "HEAD"], root, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
            var shallow = await runner.RunAsync(new ProcessSpec("git", ["rev-parse", "--is-shallow-repository"], root, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
            return new GitFacts(
                commit.Output.Trim(), remote.Succeeded ? WithoutCredentials(remote.Output.Trim()) : null,
                branch.Succeeded ? branch.Output.Trim() : null, shallow.Output.Trim() == "true");
        }
        catch (ToolNotFoundException)
        {
            return new GitFacts(null, null);
        }
    }

    /// <summary>The commit a ref names (<c>HEAD~1</c>, <c>origin/main</c>, a tag), or null when the repository has no such commit.</summary>
    public static async Task<string?> ResolveAsync(ProcessRunner runner, string root, string reference, CancellationToken cancellation)
    {
        var result = await runner.RunAsync(new ProcessSpec("git", ["rev-parse", "--verify", "--quiet", reference + "^{commit}"], root, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
        return result.Succeeded ? result.Output.Trim() : null;
    }

    /// <summary><c>https://user:token@host/x.git</c> → <c>https://host/x.git</c>; other forms unchanged.</summary>
    public static string WithoutCredentials(string remote) =>
        Uri.TryCreate(remote, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 && uri.Scheme is "http" or "https"
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : remote;
}
