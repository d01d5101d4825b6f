using System.Globalization;
using System.Text.RegularExpressions;

namespace Tollgate.Gates.Package;

/// <summary>A SemVer 2.0 version: major.minor.patch, an optional pre-release and build metadata.</summary>
internal sealed partial record SemanticVersion(int Major, int Minor, int Patch, string? PreRelease = null, string? Build = null) : IComparable<SemanticVersion>
{
    /// <summary>Parses <c>1.4.0</c>, <c>v1.4.0</c>, <c>1.4.0-rc.1+build.5</c>; null when it is not SemVer.</summary>
    public static SemanticVersion? TryParse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        return new SemanticVersion(
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture),
            match.Groups["pre"].Success ? match.Groups["pre"].Value : null,
            match.Groups["build"].Success ? match.Groups["build"].Value : null);
    }

    /// <summary>
    /// A release tag's version: <c>1.2.3</c>, and also <c>1.2</c> (patch 0), after <paramref name="prefix"/> (e.g.
    /// <c>release-</c>); with no prefix given, an optional <c>v</c> or <c>V</c>. Null when the tag is not a version.
    /// </summary>
    public static SemanticVersion? FromTag(string tag, string? prefix)
    {
        string rest;
        if (!string.IsNullOrEmpty(prefix))
        {
            if (!tag.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            rest = tag[prefix.Length..];
        }
        else
        {
            rest = tag.Length > 0 && tag[0] is 'v' or 'V' ? tag[1..] : tag;
        }

        var match = TwoPart().Match(rest);
        return TryParse(match.Success ? $"{match.Groups["core"].Value}.0{match.Groups["rest"].Value}" : rest) is { } version && !rest.StartsWith('v')
            ? version
            : null;
    }

    /// <summary><c>major.minor.patch</c>.</summary>
    public string Core => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");

    /// <summary>The version without build metadata.</summary>
    public string WithoutBuild => PreRelease is null ? Core : $"{Core}-{PreRelease}";

    /// <inheritdoc />
    public override string ToString() => Build is null ? WithoutBuild : $"{WithoutBuild}+{Build}";

    /// <summary>SemVer precedence: build metadata ignored, a pre-release below its release, identifiers compared numerically when numeric.</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return core;
        }

        if (PreRelease is null || other.PreRelease is null)
        {
            return PreRelease is null ? (other.PreRelease is null ? 0 : 1) : -1;
        }

        var mine = PreRelease.Split('.');
        var theirs = other.PreRelease.Split('.');
        for (var i = 0; i < Math.Min(mine.Length, theirs.Length); i++)
        {
            var a = int.TryParse(mine[i], NumberStyles.None, CultureInfo.InvariantCulture, out var x);
            var b = int.TryParse(theirs[i], NumberStyles.None, CultureInfo.InvariantCulture, out var y);
            var order = a && b ? x.CompareTo(y) : a ? -1 : b ? 1 : string.CompareOrdinal(mine[i], theirs[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return mine.Length.CompareTo(theirs.Length);
    }

    [GeneratedRegex(@"^v?(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?(?:\+(?<build>[0-9A-Za-z\-]+(?:\.[0-9A-Za-z\-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<core>(?:0|[1-9]\d*)\.(?:0|[1-9]\d*))(?<rest>(?:[-+].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoPart();
}
