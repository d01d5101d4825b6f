using System.Globalization;

namespace Tollgate.Ci;

/// <summary>
/// The shard a CI host's parallel job is, from its variables: GitLab <c>parallel:</c> (<c>CI_NODE_INDEX</c>/<c>CI_NODE_TOTAL</c>,
/// 1-based), Azure <c>strategy: parallel</c> (<c>SYSTEM_JOBPOSITIONINPHASE</c>/<c>SYSTEM_TOTALJOBSINPHASE</c>, 1-based), CircleCI
/// <c>parallelism</c> (<c>CIRCLE_NODE_INDEX</c>/<c>CIRCLE_NODE_TOTAL</c>, 0-based), Buildkite <c>parallelism</c>
/// (<c>BUILDKITE_PARALLEL_JOB</c>/<c>BUILDKITE_PARALLEL_JOB_COUNT</c>, 0-based). GitHub and Jenkins have none: their templates pass <c>--shard</c>.
/// </summary>
internal static class CiShard
{
    private static readonly (string Index, string Total, int Base)[] Variables =
    [
        ("CI_NODE_INDEX", "CI_NODE_TOTAL", 1),
        ("SYSTEM_JOBPOSITIONINPHASE", "SYSTEM_TOTALJOBSINPHASE", 1),
        ("CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0),
        ("BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 0),
    ];

    /// <summary>The shard as <c>i/N</c> (1-based), with the variables it came from; null when no host says.</summary>
    public static (string Shard, string Source)? Detect(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (index, total, origin) in Variables)
        {
            if (environment.TryGetValue(index, out var i) && environment.TryGetValue(total, out var n)
                && int.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && n.Length > 0)
            {
                return ($"{position - origin + 1}/{n}", $"{index}/{total}");
            }
        }

        return null;
    }
}
