using System.Globalization;
using Tollgate.Evidence;

namespace Tollgate.Portfolio;

/// <summary>One registered project's compliance: whether it complies, and each reason it does not.</summary>
internal sealed record ProjectCompliance(string Slug, string? Repository, DateTimeOffset? LatestRun, string? TollgateVersion, IReadOnlyList<string> Reasons)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool Compliant => Reasons.Count == 0;
}

/// <summary>The registry held against the store: each project's compliance, the repositories with evidence the registry does not list, and the projects with none.</summary>
internal sealed record ComplianceReport(IReadOnlyList<ProjectCompliance> Projects, IReadOnlyList<string> Unregistered, IReadOnlyList<string> WithoutEvidence, string Newest);

/// <summary>
/// Holds each project of the registry to what its latest runs show: evidence within <c>staleAfterDays</c>; the required gates
/// run by its latest <c>Ci</c>; the newest Tollgate (the newest of the store and of the Tollgate auditing); no weakened policy
/// value the registry does not waive; its CI file as the template it should use (the digest its latest Ci run recorded); no
/// deployment to an environment the registry does not list for it.
/// </summary>
internal static class PortfolioCompliance
{
    /// <summary>The report at <paramref name="now"/>; <paramref name="weakens"/> says whether a parameter's value weakens the package's default.</summary>
    public static ComplianceReport Of(RunStore store, PortfolioRegistry registry, DateTimeOffset now, string auditingVersion, Func<string, string?, bool> weakens)
    {
        var latest = store.LatestRuns(ci: false);
        var latestCi = store.LatestRuns(ci: true).ToDictionary(r => r.Repository, StringComparer.Ordinal);
        var gates = store.LatestCiGates().ToLookup(g => g.Repository, StringComparer.Ordinal);
        var files = store.LatestCiFiles().ToLookup(f => f.Repository, StringComparer.Ordinal);
        var overrides = store.LatestCiOverrides().ToLookup(o => o.Repository, StringComparer.Ordinal);
        var environments = store.Environments().ToLookup(e => e.Repository, StringComparer.Ordinal);
        var newest = latest.Select(r => r.TollgateVersion).Append(auditingVersion).Max(VersionOrder.Instance)!;
        var repositories = store.Repositories();
        var remotes = store.Remotes();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var projects = new List<ProjectCompliance>();
        foreach (var project in registry.Projects)
        {
            var repository = repositories.FirstOrDefault(r => r == project.Slug)
                ?? remotes.Where(r => SameRemote(r.Remote, project.Repository)).Select(r => r.Repository).FirstOrDefault();
            if (repository is null)
            {
                projects.Add(new ProjectCompliance(project.Slug, null, null, null, ["no evidence at all: no bundle of it was ingested"]));
                continue;
            }

            matched.Add(repository);
            var run = latest.FirstOrDefault(r => r.Repository == repository);
            var reasons = new List<string>();
            if (run is null || run.StartedAt < now.AddDays(-registry.StaleAfterDays))
            {
                reasons.Add(run is null ? "no run: only deployments were ingested" : $"no evidence in the last {registry.StaleAfterDays} days (latest run {run.StartedAt:yyyy-MM-dd})");
            }

            if (run is not null && VersionOrder.Instance.Compare(run.TollgateVersion, newest) < 0)
            {
                reasons.Add($"Tollgate {run.TollgateVersion} is behind the newest, {newest}");
            }

            if (!latestCi.TryGetValue(repository, out var ci))
            {
                reasons.Add("no Ci run: the required gates, its CI file and its policy are not known");
            }
            else
            {
                reasons.AddRange(CiReasons(project, registry, ci, gates[repository].ToList(), files[repository].ToList(), overrides[repository].ToList(), weakens));
            }

            var unlisted = environments[repository].Select(e => e.Environment).Where(e => !project.Environments.Contains(e)).ToList();
            if (unlisted.Count > 0)
            {
                reasons.Add($"deployed to {string.Join(", ", unlisted)}, which the registry does not list for it ({(project.Environments.Count == 0 ? "none listed" : string.Join(", ", project.Environments))})");
            }

            projects.Add(new ProjectCompliance(project.Slug, repository, run?.StartedAt, run?.TollgateVersion, reasons));
        }

        return new ComplianceReport(
            projects, repositories.Where(r => !matched.Contains(r)).ToList(), projects.Where(p => p.Repository is null).Select(p => p.Slug).ToList(), newest);
    }

    private static IEnumerable<string> CiReasons(
        RegistryProject project, PortfolioRegistry registry, StoredRun ci, IReadOnlyList<(string Repository, string Gate, string Status)> gates,
        IReadOnlyList<(string Repository, string Path, string Sha256)> files, IReadOnlyList<(string Repository, string Parameter, string? Value)> overrides,
        Func<string, string?, bool> weakens)
    {
        var ran = gates.Where(g => g.Status != "skipped").Select(g => g.Gate).ToHashSet(StringComparer.Ordinal);
        var missing = registry.RequiredGates.Where(g => !ran.Contains(g)).ToList();
        if (missing.Count > 0)
        {
            yield return $"required gates missing from its latest Ci run ({ci.StartedAt:yyyy-MM-dd}): {string.Join(", ", missing)}";
        }

        var weakened = overrides.Where(o => weakens(o.Parameter, o.Value) && !project.Waivers.Any(w => w.Parameter == o.Parameter)).ToList();
        if (weakened.Count > 0)
        {
            yield return $"weakens {string.Join(", ", weakened.Select(o => $"{o.Parameter}={o.Value}"))} without a waiver in the registry";
        }

        if (project.CiTemplate is { } template)
        {
            var file = files.FirstOrDefault(f => f.Path == template.Path);
            if (files.Count == 0)
            {
                yield return "its latest Ci run recorded no CI file (a Tollgate before 0.2.0, or none at a path a CI host reads)";
            }
            else if (file == default)
            {
                yield return $"no {template.Path}, where the template {template.Name} belongs";
            }
            else if (file.Sha256 != template.Sha256)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{template.Path} drifted from the template {template.Name} (sha256 {file.Sha256[..12]}…, the template's {template.Sha256[..12]}…)");
            }
        }
    }

    // https://github.com/acme/orders(.git), git@github.com:acme/orders.git and ssh://git@github.com/acme/orders name one repository.
    private static bool SameRemote(string a, string b) => Normalized(a) == Normalized(b);

    private static string Normalized(string remote)
    {
        var text = remote.Trim().TrimEnd('/');
        text = text.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? text[..^4] : text;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }
        else if (text.Contains('@', StringComparison.Ordinal) && text.Contains(':', StringComparison.Ordinal))
        {
            text = text.Replace(':', '/');
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        return (at >= 0 ? text[(at + 1)..] : text).ToLowerInvariant();
    }
}
