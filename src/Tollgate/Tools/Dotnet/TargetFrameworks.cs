namespace Tollgate.Tools.Dotnet;

/// <summary>Orders target frameworks: modern .NET above .NET Standard above .NET Framework, each by version (net10.0 above net9.0).</summary>
internal static class TargetFrameworks
{
    /// <summary>A key that sorts <paramref name="framework"/> (e.g. <c>net10.0</c>, <c>netstandard2.0</c>, <c>net48</c>) from lowest to highest.</summary>
    public static (int Family, Version Version) Rank(string framework)
    {
        var digits = new string(framework.SkipWhile(c => !char.IsDigit(c)).TakeWhile(c => char.IsDigit(c) || c == '.').ToArray());
        var dotted = digits.Contains('.', StringComparison.Ordinal);
        var family = framework.StartsWith("netstandard", StringComparison.Ordinal) ? 1
            : framework.StartsWith("netcoreapp", StringComparison.Ordinal) || (framework.StartsWith("net", StringComparison.Ordinal) && dotted) ? 2
            : 0;
        return (family, Version.TryParse(dotted ? digits : digits + ".0", out var version) ? version : new Version(0, 0));
    }

    /// <summary>The highest of <paramref name="frameworks"/>.</summary>
    public static string Highest(IEnumerable<string> frameworks) => frameworks.OrderByDescending(Rank).First();
}
