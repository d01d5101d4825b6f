using System.Text.Json;
using Tollgate.IO;

namespace Tollgate;

/// <summary>
/// The default policy the package carries (<c>Policy/defaults.json</c>, embedded). A platform team
/// changes a default there and bumps the package version; every repository picks it up with the
/// version, and a repository that sets a value itself shows up as overridden in the evidence.
/// </summary>
internal sealed record PolicyDefaults(
    IReadOnlyList<string> LintFailOn, double CoverageLine, double? CoverageBranch, double CoverageTolerance, double CoverageChangedLines, double MutationScore,
    IReadOnlyList<string> SecurityFailOn, string TrivyMinimumVersion, string VersionTool, IReadOnlyDictionary<string, string> Tools,
    IReadOnlyList<string> RequiredGates, string TestHangTimeout, int MutationCacheDays, int AuditCacheHours)
{
    /// <summary>The version pinned for a .NET tool the gates drive.</summary>
    public string ToolVersion(string package) => Tools.TryGetValue(package, out var version)
        ? version
        : throw new InvalidOperationException($"Policy/defaults.json pins no version of {package}.");

    /// <summary>The defaults of this package version.</summary>
    public static PolicyDefaults Current { get; } = Load();

    private static PolicyDefaults Load()
    {
        using var document = JsonDocument.Parse(EmbeddedText.Read("Tollgate.Policy.defaults.json"));
        var root = document.RootElement;
        var coverage = root.GetProperty("coverage");
        var branch = coverage.GetProperty("branch");
        return new PolicyDefaults(
            root.GetProperty("lint").GetProperty("failOn").EnumerateArray().Select(e => e.GetString()!).ToList(),
            coverage.GetProperty("line").GetDouble(),
            branch.ValueKind == JsonValueKind.Null ? null : branch.GetDouble(),
            coverage.GetProperty("tolerance").GetDouble(),
            coverage.GetProperty("changedLines").GetDouble(),
            root.GetProperty("mutation").GetProperty("score").GetDouble(),
            root.GetProperty("security").GetProperty("failOn").EnumerateArray().Select(e => e.GetString()!).ToList(),
            root.GetProperty("security").GetProperty("trivyMinimumVersion").GetString()!,
            root.GetProperty("package").GetProperty("versionTool").GetString()!,
            root.GetProperty("tools").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            root.GetProperty("requiredGates").EnumerateArray().Select(e => e.GetString()!).ToList(),
            root.GetProperty("test").GetProperty("hangTimeout").GetString()!,
            root.GetProperty("mutation").GetProperty("cacheDays").GetInt32(),
            root.GetProperty("security").GetProperty("auditCacheHours").GetInt32());
    }
}
