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
        return new RunRecord
        {
            TollgateVersion = TollgateVersion.Current,
            Repository = new RepositoryRecord { Name = root.Name, Remote = git.Remote },
            Commit = git.Commit,
            CommittedAt = git.CommittedAt,
            Version = version,
            CiHost = host,
            CiFiles = Ci.CiDefinitionFiles.Of(root),
            StartedAt = report.StartedAt,
            DurationSeconds = Math.Round(report.Duration.TotalSeconds, 3),
            Requested = report.Requested,
            Outcome = outcome,
            Error = report.Error,
            Parameters = report.Parameters.Select(p => new ParameterRecord
            {
                Name = p.Descriptor.KebabName,
                Value = p.Descriptor.IsSecret ? null : ResolvedParameter.Format(p.Value, root),
                Source = p.Origin,
                Overridden = p.IsOverridden,
                Secret = p.Descriptor.IsSecret,
            }).ToList(),
            Targets = report.Results.Select(r => new TargetRecord
            {
                Name = r.Name,
                Status = r.Status.ToString().ToLowerInvariant(),
                DurationSeconds = Math.Round(r.Duration.TotalSeconds, 3),
                Reason = r.Reason,
                Headline = r.Headline,
            }).ToList(),
        };
    }
}
