using System.Globalization;
using System.Text;
using Tollgate.Engine;

namespace Tollgate.Ci;

/// <summary>
/// TeamCity service messages: a block per target, the tests imported from <c>junit.xml</c>, every gate
/// metric as a build statistic, and a build problem per failing gate.
/// </summary>
internal sealed class TeamCityConsole(BuildLog log) : CiConsole(log)
{
    /// <inheritdoc />
    public override void Starting(string target) => Log.Always($"##teamcity[blockOpened name='{Escape(target)}']");

    /// <inheritdoc />
    public override void Finished(TargetResult result) => Log.Always($"##teamcity[blockClosed name='{Escape(result.Name)}']");

    /// <inheritdoc />
    public override void Publish(CiPublication publication)
    {
        var junit = Path.Combine(publication.EvidenceDirectory, "junit.xml");
        if (File.Exists(junit))
        {
            Log.Always($"##teamcity[importData type='junit' path='{Escape(junit)}']");
        }

        foreach (var gate in publication.Gates)
        {
            foreach (var (name, value) in gate.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                Log.Always($"##teamcity[buildStatisticValue key='{Escape($"tollgate.{gate.Gate.ToLowerInvariant()}.{name}")}' value='{value.ToString(CultureInfo.InvariantCulture)}']");
            }
        }

        foreach (var gate in publication.Gates.Where(g => g.Status is GateStatus.Failed or GateStatus.Error))
        {
            Log.Always($"##teamcity[buildProblem description='{Escape($"{gate.Gate} {gate.Status.ToString().ToLowerInvariant()}: {string.Join("; ", gate.Reasons)}")}' identity='{Escape("tollgate-" + gate.Gate.ToLowerInvariant())}']");
        }
    }

    /// <summary>A service message value: <c>|</c>, <c>'</c>, CR, LF, <c>[</c>, <c>]</c> and non-ASCII escaped with <c>|</c>.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '|' => "||",
                '\'' => "|'",
                '\n' => "|n",
                '\r' => "|r",
                '[' => "|[",
                ']' => "|]",
                > '\u007f' => $"|0x{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
