using Tollgate.IO;
using Tollgate.Tools;

namespace Tollgate.Deploy;

/// <summary>
/// Writes the new image tag into the environment's values file of a deployment repository (a path or a
/// git URL), appends the version-registry entry (the history file there), commits and pushes. A rollback
/// reverts the latest deployment commit of the version in place and records that in the registry.
/// </summary>
internal sealed class GitOpsStrategy(ProcessRunner runner, HealthProbe probe, string workDirectory, Action<string> log) : IDeployStrategy
{
    /// <inheritdoc />
    public async Task<DeployOutcome> DeployAsync(DeployRequest request, CancellationToken cancellation)
    {
        var target = request.Environment.GitOps!;
        var clone = await CloneAsync(request, cancellation).ConfigureAwait(false);
        var values = Path.Combine(clone, target.ValuesFile);
        if (!File.Exists(values))
        {
            throw new InvalidDataException($"{target.Repository}: no values file {target.ValuesFile} on {target.Branch}; create it or fix \"valuesFile\" in .nuke/environments.json.");
        }

        AtomicFile.Write(values, YamlValue.Set(File.ReadAllText(values), target.Key, request.Version, $"{target.Repository}:{target.ValuesFile}"));
        var history = Path.Combine(clone, request.Environment.History);
        DeploymentHistory.Append(history, request.Record("deploy", request.Version, request.Commit, "succeeded", null, $"{target.ValuesFile} {target.Key}={request.Version}"));
        var sha = await CommitAndPushAsync(clone, request, $"Tollgate: deploy {request.Version} to {request.Environment.Name}", cancellation).ConfigureAwait(false);
        log($"Pushed {sha[..12]} to {target.Repository} ({target.Branch})");
        if (request.Environment.Health is { } check)
        {
            var (passed, health) = await probe.WaitAsync(check, null, request.Environment.Timeout, cancellation).ConfigureAwait(false);
            if (!passed)
            {
                await RevertAsync(clone, request, sha, request.Record("deploy", request.Version, request.Commit, "rolled-back", health, $"reverted {sha}"), cancellation).ConfigureAwait(false);
                return new DeployOutcome("rolled-back", health, $"{sha} reverted after its health check failed", HistoryWritten: true);
            }

            return new DeployOutcome("succeeded", health, $"commit {sha} on {target.Branch}", HistoryWritten: true);
        }

        return new DeployOutcome("succeeded", null, $"commit {sha} on {target.Branch}", HistoryWritten: true);
    }

    /// <inheritdoc />
    public async Task<DeployOutcome> RollbackAsync(DeployRequest request, DeploymentRecord previous, CancellationToken cancellation)
    {
        var clone = await CloneAsync(request, cancellation).ConfigureAwait(false);
        var current = DeploymentHistory.InPlace(DeploymentHistory.Read(Path.Combine(clone, request.Environment.History)))[^1];
        var subject = $"Tollgate: deploy {current.Version} to {request.Environment.Name}";
        var commits = await GitAsync(clone, ["log", "--format=%H%x09%s"], cancellation).ConfigureAwait(false);
        var sha = commits.Split('\n').Select(l => l.Split('\t')).FirstOrDefault(p => p.Length == 2 && p[1] == subject)?[0]
            ?? throw new InvalidDataException($"{request.Environment.GitOps!.Repository}: no commit '{subject}' to revert.");
        var record = request.Record("rollback", previous.Version, previous.Commit, "succeeded", null, $"reverted {sha}");
        var revert = await RevertAsync(clone, request, sha, record, cancellation).ConfigureAwait(false);
        return new DeployOutcome("succeeded", null, $"commit {revert} reverts {sha}", HistoryWritten: true);
    }

    private async Task<string> RevertAsync(string clone, DeployRequest request, string sha, DeploymentRecord record, CancellationToken cancellation)
    {
        await GitAsync(clone, ["revert", "--no-commit", sha], cancellation).ConfigureAwait(false);
        await GitAsync(clone, ["checkout", "HEAD", "--", request.Environment.History], cancellation).ConfigureAwait(false);
        DeploymentHistory.Append(Path.Combine(clone, request.Environment.History), record);
        return await CommitAndPushAsync(clone, request, $"Tollgate: roll back {request.Environment.Name} to {record.Version} (reverts {sha[..12]})", cancellation).ConfigureAwait(false);
    }

    private async Task<string> CloneAsync(DeployRequest request, CancellationToken cancellation)
    {
        var target = request.Environment.GitOps!;
        var clone = Path.Combine(workDirectory, request.Environment.Name);
        if (Directory.Exists(clone))
        {
            Directory.Delete(clone, recursive: true);
        }

        var source = Uri.TryCreate(target.Repository, UriKind.Absolute, out var uri) && !uri.IsFile ? target.Repository : Path.GetFullPath(target.Repository, request.Root);
        await GitAsync(workDirectory, ["clone", "--quiet", "--branch", target.Branch, source, clone], cancellation, create: true).ConfigureAwait(false);
        return clone;
    }

    private async Task<string> CommitAndPushAsync(string clone, DeployRequest request, string message, CancellationToken cancellation)
    {
        await GitAsync(clone, ["add", "--all"], cancellation).ConfigureAwait(false);
        var author = $"{request.Approval.By} <{Slug(request.Approval.By)}@tollgate.invalid>";
        await GitAsync(clone, ["-c", "user.name=Tollgate", "-c", "user.email=tollgate@tollgate.invalid", "commit", "--quiet", "--author", author, "-m", message], cancellation).ConfigureAwait(false);
        await GitAsync(clone, ["push", "--quiet", "origin", $"HEAD:{request.Environment.GitOps!.Branch}"], cancellation).ConfigureAwait(false);
        return (await GitAsync(clone, ["rev-parse", "HEAD"], cancellation).ConfigureAwait(false)).Trim();
    }

    private async Task<string> GitAsync(string directory, IReadOnlyList<string> arguments, CancellationToken cancellation, bool create = false)
    {
        if (create)
        {
            Directory.CreateDirectory(directory);
        }

        var result = await runner.RunAsync(new ProcessSpec("git", arguments, directory, TimeSpan.FromMinutes(5), InstallHint: "Install git."), cancellation).ConfigureAwait(false);
        return result.Succeeded
            ? result.Output
            : throw new InvalidDataException($"git {arguments[0]} failed (exit {result.ExitCode}): {(result.Error + result.Output).Trim().Split('\n')[0]}");
    }

    private static string Slug(string name) => string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
