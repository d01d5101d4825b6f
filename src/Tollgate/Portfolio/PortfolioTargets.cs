using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Portfolio;

/// <summary>One metric's target: the value, whether higher or lower is better, how far off is still amber, and its unit.</summary>
internal sealed record MetricTarget(double Target, bool HigherIsBetter, double Amber, string Unit)
{
    /// <summary>Green, amber or red for <paramref name="value"/>; null (no figure) is grey.</summary>
    public string Rating(double? value) => value is not { } v ? "grey"
        : (HigherIsBetter ? v >= Target : v <= Target) ? "green"
        : (HigherIsBetter ? v >= Target - Amber : v <= Target + Amber) ? "amber"
        : "red";
}

/// <summary>
/// The targets the portfolio's metrics are held to: the handbook's defaults shipped with Tollgate
/// (<c>Portfolio/portfolio-targets.json</c>), a metric at a time overridden by a platform team's own file.
/// </summary>
internal sealed record PortfolioTargets(IReadOnlyDictionary<string, MetricTarget> Metrics)
{
    /// <summary>The metrics, by name.</summary>
    public const string PipelineSuccessRate = "pipelineSuccessRate", Coverage = "coverage", MutationScore = "mutationScore", SecurityPassRate = "securityPassRate",
        DeploymentsPerWeek = "deploymentsPerWeek", ChangeFailureRate = "changeFailureRate", TimeToRecoveryMinutes = "timeToRecoveryMinutes",
        LeadTimeHours = "leadTimeHours";

    /// <summary>The target of <paramref name="metric"/>.</summary>
    public MetricTarget this[string metric] => Metrics[metric];

    /// <summary>The shipped targets, with those of <paramref name="file"/> (when given) over them.</summary>
    /// <exception cref="InvalidDataException">The file is not readable or names an unknown metric; the message says which and the fix.</exception>
    public static PortfolioTargets Load(string? file = null)
    {
        var targets = Parse(EmbeddedText.Read("Tollgate.Portfolio.portfolio-targets.json"), "portfolio-targets.json");
        if (file is null)
        {
            return new PortfolioTargets(targets);
        }

        if (!File.Exists(file))
        {
            throw new InvalidDataException($"--audit-targets {file}: no such file; give a JSON file like Tollgate's portfolio-targets.json, or leave the parameter out.");
        }

        foreach (var (name, target) in Parse(File.ReadAllText(file), file))
        {
            if (!targets.ContainsKey(name))
            {
                throw new InvalidDataException($"{file}: '{name}' is not a portfolio metric; use one of {string.Join(", ", targets.Keys)}.");
            }

            targets[name] = target;
        }

        return new PortfolioTargets(targets);
    }

    private static Dictionary<string, MetricTarget> Parse(string json, string shownAs)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('$')).ToDictionary(
                p => p.Name,
                p => new MetricTarget(
                    p.Value.GetProperty("target").GetDouble(),
                    p.Value.GetProperty("better").GetString() switch
                    {
                        "higher" => true,
                        "lower" => false,
                        var other => throw new InvalidDataException($"{shownAs}: {p.Name}.better is '{other}'; use higher or lower."),
                    },
                    p.Value.TryGetProperty("amber", out var amber) ? amber.GetDouble() : 0,
                    p.Value.TryGetProperty("unit", out var unit) ? unit.GetString() ?? "" : ""),
                StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{shownAs}: not a targets file ({exception.Message}); each metric needs a number 'target' and 'better': higher or lower.", exception);
        }
    }
}
