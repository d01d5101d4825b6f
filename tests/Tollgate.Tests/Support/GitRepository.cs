namespace Tollgate.Tests.Support;

/// <summary>Runs git in a test's repository: commits, tags, branches and merges made for real.</summary>
internal sealed class GitRepository(string root)
{
    private static readonly string[] Identity = ["-c", "user.name=Tollgate Tests", "-c", "user.email=tests@tollgate.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"];

    private int commits;

    public string Root { get; } = root;

    /// <summary><c>git init</c> on <paramref name="branch"/>.</summary>
    public static async Task<GitRepository> InitAsync(string root, string branch = "main")
    {
        Directory.CreateDirectory(root);
        var repository = new GitRepository(root);
        await repository.GitAsync("init", "--quiet", "--initial-branch", branch);
        return repository;
    }

    /// <summary>Runs git and returns its trimmed output; a failure fails the test.</summary>
    public async Task<string> GitAsync(params string[] args)
    {
        var result = await Shell.RunAsync(Root, "git", [.. Identity, .. args]);
        Assert.True(result.ExitCode == 0, $"git {string.Join(" ", args)}: {result.Error}");
        return result.Output.Trim();
    }

    /// <summary>Commits a change of its own (or everything there is) and returns the new sha.</summary>
    public async Task<string> CommitAsync(string message = "change")
    {
        Directory.CreateDirectory(Path.Combine(Root, "changes"));
        File.WriteAllText(Path.Combine(Root, "changes", $"{Guid.NewGuid():N}.txt"), $"{++commits} {message}\n");
        await GitAsync("add", "--all");
        await GitAsync("commit", "--quiet", "-m", message);
        return await GitAsync("rev-parse", "HEAD");
    }

    public async Task CommitsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await CommitAsync();
        }
    }

    public Task<string> TagAsync(string name) => GitAsync("tag", "--annotate", name, "-m", name);

    public Task<string> CheckoutAsync(string branch, bool create = false) => create ? GitAsync("checkout", "--quiet", "-b", branch) : GitAsync("checkout", "--quiet", branch);

    public Task<string> MergeAsync(string branch) => GitAsync("merge", "--quiet", "--no-ff", "--no-edit", branch);
}
