using System.Text.RegularExpressions;

namespace Tollgate.Tools.Dotnet;

/// <summary>A hang timeout as both test platforms read it: VSTest's <c>--blame-hang-timeout</c> and Microsoft's hang extension's <c>--hangdump-timeout</c>.</summary>
internal static partial class HangTimeout
{
    /// <summary>Whether <paramref name="value"/> is a whole positive number with <c>ms</c>, <c>s</c>, <c>m</c> or <c>h</c>.</summary>
    public static bool IsValid(string? value) => value is not null && Form().Match(value) is { Success: true } match && long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0;

    [GeneratedRegex(@"^(\d{1,9})(ms|s|m|h)$")]
    private static partial Regex Form();
}
