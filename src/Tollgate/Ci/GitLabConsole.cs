using System.Text;
using Tollgate.Engine;

namespace Tollgate.Ci;

/// <summary>
/// GitLab CI: a collapsible section per target. Its reports (JUnit, Cobertura, code quality) are files of
/// the bundle that the <c>quality-gates.yml</c> template hands to <c>artifacts:reports</c>.
/// </summary>
internal sealed class GitLabConsole(BuildLog log, Func<DateTimeOffset> clock) : CiConsole(log)
{
    private const string Erase = "\u001b[0K";

    /// <inheritdoc />
    public override void Starting(string target) =>
        Log.Always($"{Erase}section_start:{clock().ToUnixTimeSeconds()}:{SectionName(target)}[collapsed=true]\r{Erase}{target}");

    /// <inheritdoc />
    public override void Finished(TargetResult result) =>
        Log.Always($"{Erase}section_end:{clock().ToUnixTimeSeconds()}:{SectionName(result.Name)}\r{Erase}");

    /// <inheritdoc />
    public override void Publish(CiPublication publication)
    {
    }

    /// <summary>A section name GitLab accepts: lower-case letters, digits, <c>_</c>, <c>.</c>, <c>-</c>.</summary>
    public static string SectionName(string target)
    {
        var name = new StringBuilder("tollgate_");
        foreach (var c in target.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '_');
        }

        return name.ToString();
    }
}
