namespace Tollgate.Tools.Git;

/// <summary>What git says of the repository: the commit, the remote (without credentials), the branch, and whether the clone is shallow.</summary>
internal sealed record GitFacts(string? Commit, string? Remote, string? Branch = null, bool Shallow = false, DateTimeOffset? CommittedAt = null)
{
    /// <summary>Reads the facts with two git processes; outside a git repository, or without git, both are null.</summary>
    public static async Task<GitFacts> ReadAsync(ProcessRunner runner, string root, CancellationToken cancellation)
    {
        try
        {
            // One rev-parse answers three questions, in the order asked: shallow?, HEAD's commit, HEAD's ref ("HEAD" when detached).
            var head = await runner.RunAsync(
                new ProcessSpec("git", ["rev-parse", "--is-shallow-repository", "HEAD", "--symbolic-full-name", "HEAD"], root, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
            var lines = head.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!head.Succeeded || lines.Length < 3)
            {
                return new GitFacts(null, null);
            }

            var remote = await runner.RunAsync(new ProcessSpec("git", ["config", "--get", "remote.origin.url"], root, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
            // The commit's time (committer date, strict ISO 8601): what a change's lead time to production is counted from.
            var time = await runner.RunAsync(new ProcessSpec("git", ["show", "-s", "--format=%cI", "HEAD"], root, TimeSpan.FromSeconds(30)), cancellation).ConfigureAwait(false);
            const string branchRef = "refs/heads/";
            return new GitFacts(
                lines[1], remote.Succeeded ? WithoutCredentials(remote.Output.Trim()) : null,
                lines[2].StartsWith(branchRef, StringComparison.Ordinal) ? lines[2][branchRef.Length..] : null, lines[0] == "true",
                time.Succeeded && DateTimeOffset.TryParse(time.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at) ? at : null);
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
