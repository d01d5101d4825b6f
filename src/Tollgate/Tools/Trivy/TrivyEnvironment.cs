using System.Collections;

namespace Tollgate.Tools.Trivy;

/// <summary>
/// Trivy's hidden inputs: every <c>TRIVY_*</c> variable changes a flag's default, so a variable set on
/// one runner (e.g. <c>TRIVY_SEVERITY=CRITICAL</c>) would make it see less than another. Tollgate
/// removes them all, except those that only say where to fetch from or how to log in, and records the
/// names (never the values) of both.
/// </summary>
internal sealed class TrivyEnvironment
{
    /// <summary>Variables that locate databases or hold registry credentials: passed on, they change no verdict.</summary>
    public static readonly IReadOnlySet<string> PassedThrough = new HashSet<string>(StringComparer.Ordinal)
    {
        "TRIVY_USERNAME", "TRIVY_PASSWORD", "TRIVY_PASSWORD_STDIN", "TRIVY_REGISTRY_TOKEN",
        "TRIVY_DB_REPOSITORY", "TRIVY_JAVA_DB_REPOSITORY", "TRIVY_CHECKS_BUNDLE_REPOSITORY",
        "TRIVY_NO_PROGRESS", "TRIVY_QUIET",
    };

    private readonly IReadOnlyDictionary<string, string> passed;

    private TrivyEnvironment(IReadOnlyList<string> removed, IReadOnlyDictionary<string, string> passed)
    {
        Removed = removed;
        this.passed = passed;
    }

    /// <summary>The names of the variables removed.</summary>
    public IReadOnlyList<string> Removed { get; }

    /// <summary>The names of the variables passed on.</summary>
    public IReadOnlyList<string> Passed => passed.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Sorts the <c>TRIVY_*</c> variables of the build's environment, and of this process's own (which a child inherits), into removed and passed.</summary>
    public static TrivyEnvironment Of(IReadOnlyDictionary<string, string> environment)
    {
        var inherited = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => (string)e.Key);
        var names = environment.Keys.Concat(inherited).Where(IsTrivy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new TrivyEnvironment(
            names.Where(n => !PassedThrough.Contains(n)).ToList(),
            names.Where(PassedThrough.Contains).Where(environment.ContainsKey).ToDictionary(n => n, n => environment[n]));
    }

    /// <summary>The child process's variables: each removed one unset, each passed one as the build sees it.</summary>
    public IReadOnlyDictionary<string, string?> Overrides =>
        Removed.Select(n => KeyValuePair.Create(n, (string?)null)).Concat(passed.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).ToDictionary();

    private static bool IsTrivy(string name) => name.StartsWith("TRIVY_", StringComparison.OrdinalIgnoreCase);
}
