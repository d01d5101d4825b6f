using Tollgate.Engine;
using Tollgate.Tools.Git;

namespace Tollgate;

/// <summary>Turns the engine's report of a run into the evidence's run record.</summary>
internal static class RunRecords
{
    /// <summary>The host record with what git knows filled in where the host says nothing (a local run: branch and commit), and a shallow clone marked.</summary>
    public static CiHostRecord WithGitFacts(CiHostRecord host, GitFacts git)
    {
        var details = new SortedDictionary<string, string>(host.Details.ToDictionary(d => d.Key, d => d.Value), StringComparer.Ordinal);
        if (git.Branch is not null)
        {
            details.TryAdd("branch", git.Branch);
        }

        if (git.Commit is not null)
        {
            details.TryAdd("commit", git.Commit);
        }

        if (git.Shallow)
        {
            details["shallow"] = "true";
        }

        return host with { Details = details };
    }

    public static RunRecord From(BuildReport report, GitFacts git, CiHostRecord host, AbsolutePath root, string? version)
    {
        var outcome = report.Error is not null ? "error" : report.Aborted ? "aborted" : report.Succeeded ? "succeeded" : "failed";
        return new RunRecord(
            TollgateVersion.Current,
            new RepositoryRecord(root.Name, git.Remote),
            git.Commit,
            version,
            host,
            report.StartedAt,
            Math.Round(report.Duration.TotalSeconds, 3),
            report.Requested,
            outcome,
            report.Error,
            report.Parameters.Select(p => new ParameterRecord(
                p.Descriptor.KebabName,
                p.Descriptor.IsSecret ? null : ResolvedParameter.Format(p.Value, root),
                p.Origin,
                p.IsOverridden,
                p.Descriptor.IsSecret)).ToList(),
            report.Results.Select(r => new TargetRecord(
                r.Name, r.Status.ToString().ToLowerInvariant(), Math.Round(r.Duration.TotalSeconds, 3), r.Reason, r.Headline)).ToList());
    }
}
