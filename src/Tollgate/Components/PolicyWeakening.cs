using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.IO;

namespace Tollgate;

/// <summary>
/// Whether a repository's own value for a policy parameter is weaker than this package's default, from the data in
/// <c>Policy/defaults.json</c> (<c>$parameters</c>: each value's parameter and when a value is weaker), not from code that
/// knows the names.
/// </summary>
internal static class PolicyWeakening
{
    private static readonly string DefaultsJson = EmbeddedText.Read("Tollgate.Policy.defaults.json");

    /// <summary>Every policy value that has a parameter.</summary>
    public static IReadOnlyList<PolicyParameter> Parameters { get; } = Load(DefaultsJson);

    private static readonly IReadOnlyDictionary<string, string> Defaults = PolicyChanges.Flatten(DefaultsJson);

    /// <summary>True for a lower threshold, a larger tolerance, or a list missing one of the default's entries.</summary>
    public static bool Weakens(ParameterRecord parameter)
    {
        var policy = Parameters.FirstOrDefault(p => p.Parameter == parameter.Name);
        if (policy is null || !Defaults.TryGetValue(policy.Key, out var text))
        {
            return false;
        }

        using var value = JsonDocument.Parse(text);
        var fallback = value.RootElement;
        return policy.WeakerWhen switch
        {
            Weaker.Lower => fallback.ValueKind == JsonValueKind.Number && Number(parameter.Value) < fallback.GetDouble(),
            Weaker.Higher => fallback.ValueKind == JsonValueKind.Number && Number(parameter.Value) > fallback.GetDouble(),
            Weaker.Missing => fallback.ValueKind == JsonValueKind.Array && Missing(parameter.Value, fallback.EnumerateArray().Select(e => e.GetString()!.ToLowerInvariant()).ToList()),
            _ => false,
        };
    }

    /// <summary>The <c>$parameters</c> of a <c>defaults.json</c>.</summary>
    public static IReadOnlyList<PolicyParameter> Load(string defaultsJson) =>
        JsonNode.Parse(defaultsJson)!["$parameters"]!.AsObject()
            .Where(p => !p.Key.StartsWith('$'))
            .Select(p => new PolicyParameter(p.Key, (string)p.Value!["parameter"]!, Enum.Parse<Weaker>((string?)p.Value["weakerWhen"] ?? nameof(Weaker.Never), ignoreCase: true)))
            .ToList();

    private static double Number(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;

    private static bool Missing(string? value, IReadOnlyList<string> required)
    {
        var given = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).ToHashSet();
        return required.Any(r => !given.Contains(r));
    }
}
