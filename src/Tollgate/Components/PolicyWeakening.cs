using System.Globalization;

namespace Tollgate;

/// <summary>Whether a repository's own value for a policy parameter is weaker than this package's default.</summary>
internal static class PolicyWeakening
{
    /// <summary>True for a lower threshold, a larger tolerance, or a fail-on list missing a default severity.</summary>
    public static bool Weakens(ParameterRecord parameter)
    {
        var defaults = PolicyDefaults.Current;
        return parameter.Name switch
        {
            "coverage-threshold" => Number(parameter.Value) < defaults.CoverageLine,
            "coverage-tolerance" => Number(parameter.Value) > defaults.CoverageTolerance,
            "mutation-threshold" => Number(parameter.Value) < defaults.MutationScore,
            "lint-fail-on" => Missing(parameter.Value, defaults.LintFailOn),
            "security-fail-on" => Missing(parameter.Value, defaults.SecurityFailOn),
            _ => false,
        };
    }

    private static double Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;

    private static bool Missing(string? value, IReadOnlyList<string> required)
    {
        var given = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).ToHashSet();
        return required.Any(r => !given.Contains(r));
    }
}
