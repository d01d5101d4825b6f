namespace Tollgate.Tools.Dotnet;

/// <summary>Reads the project facts the build wrote through <c>Tollgate.Build.targets</c>.</summary>
internal static class BuildInfo
{
    /// <summary>Every project and framework the last build built, ordered by project.</summary>
    /// <exception cref="InvalidDataException">There is none: the build did not run through Tollgate.</exception>
    public static IReadOnlyList<ProjectInfo> Read(string directory)
    {
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.properties") : [];
        if (files.Length == 0)
        {
            throw new InvalidDataException($"No build information in {directory}: the solution was not built by Tollgate's Compile in this run; run it (do not --skip Compile).");
        }

        return files.Select(Parse).OrderBy(p => p.Project, StringComparer.Ordinal).ThenBy(p => p.Framework, StringComparer.Ordinal).ToList();
    }

    // "coverlet.collector@6.0.4"; with central package versions the version is not on the reference: "coverlet.collector@".
    private static string Version(string collector) => collector.Split('@') is [_, { Length: > 0 } version] ? version : "central";

    private static ProjectInfo Parse(string file)
    {
        var values = File.ReadAllLines(file)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        string Get(string key) => values.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"{file} has no '{key}'.");
        var optIn = values.GetValueOrDefault("testingPlatformOptIn");
        bool True(string key) => values.TryGetValue(key, out var value) && value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
        var testing = new TestingFacts(
            True("isTestProject"), True("isTestingPlatformApplication"), True("testingPlatformDotnetTestSupport"),
            optIn is not null && optIn.Split('|').Any(v => v.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)),
            values.TryGetValue("testingPlatformPackages", out var packages) ? Packages(packages) : null,
            values.TryGetValue("suppliedPackages", out var supplied) ? Packages(supplied) : null,
            optIn is not null && optIn.Split('|') is [_, _, var xunit] && xunit.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
        return new ProjectInfo(
            Get("project"), Get("framework"), testing.IsTest, Get("targetPath"), Get("sarif"), Get("sdk"),
            !(values.TryGetValue("isPackable", out var packable) && packable.Equals("false", StringComparison.OrdinalIgnoreCase)),
            values.TryGetValue("projectReferences", out var references) ? references.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            values.TryGetValue("coverageCollector", out var collector) && collector.Trim().Length > 0 ? Version(collector.Trim()) : null,
            testing);
    }

    // "Microsoft.Testing.Platform@2.5.3|coverlet.MTP@10.1.1": the package ids and versions the project was built with.
    private static Dictionary<string, string> Packages(string list) => list
        .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(entry => entry.Split('@', 2))
        .Where(pair => pair.Length == 2 && pair[0].Length > 0)
        .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
}
