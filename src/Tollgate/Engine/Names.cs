namespace Tollgate.Engine;

/// <summary>Name forms: <c>ReportCoverage</c>, <c>report-coverage</c> and <c>REPORT_COVERAGE</c> are one name.</summary>
internal static class Names
{
    /// <summary>Lower case with dashes and underscores removed: the form names are compared in.</summary>
    public static string Normalize(string name) =>
        name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    // Product names that are one word although they are written with capitals inside.
    private static readonly string[] Compounds = ["MSBuild", "NuGet", "GitHub", "GitLab", "GitOps", "TeamCity", "CycloneDX", "DevOps"];

    /// <summary>
    /// <c>MSBuildProperties</c> → <c>msbuild-properties</c>; <c>NuGetFeed</c> → <c>nuget-feed</c>;
    /// <c>ReportCoverage</c> → <c>report-coverage</c>; <c>HTMLReport</c> → <c>html-report</c>.
    /// </summary>
    public static string ToKebabCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (Compounds.FirstOrDefault(c => string.CompareOrdinal(name, i, c, 0, c.Length) == 0) is { } compound)
            {
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }

                builder.Append(compound.ToLowerInvariant());
                i += compound.Length - 1;
                continue;
            }

            var c = name[i];
            var afterLower = i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]) && name[i - 1] != '-';
            var endsAcronym = i > 0 && char.IsUpper(c) && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
            if ((afterLower || endsAcronym) && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The spelling Tollgate 0.1 gave <paramref name="name"/> (<c>NuGetFeed</c> → <c>nu-get-feed</c>), when it differs
    /// from <see cref="ToKebabCase"/>: such a spelling is refused with the new one named, never taken silently.
    /// </summary>
    public static string? FormerKebabCase(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]) && name[i - 1] != '-')
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        var former = builder.ToString();
        return former == ToKebabCase(name) ? null : former;
    }

    /// <summary>The known names closest to an unknown one, best first, for "did you mean" hints.</summary>
    public static IReadOnlyList<string> Closest(string unknown, IEnumerable<string> known, int most = 3)
    {
        var wanted = Normalize(unknown);
        return known
            .Select(name => (Name: name, Distance: Distance(wanted, Normalize(name)), Prefix: Normalize(name).StartsWith(wanted, StringComparison.Ordinal)))
            .Where(x => x.Prefix || x.Distance <= Math.Max(2, wanted.Length / 3))
            .OrderBy(x => x.Prefix ? 0 : 1)
            .ThenBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(most)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>" Did you mean: A, B?" or an empty string.</summary>
    public static string DidYouMean(string unknown, IEnumerable<string> known)
    {
        var closest = Closest(unknown, known);
        return closest.Count == 0 ? "" : $" Did you mean: {string.Join(", ", closest)}?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
