using System.Text.Json;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Policy;

/// <summary>
/// One name per policy value: <c>$parameters</c> in Policy/defaults.json ties each value to the parameter that sets it, that
/// parameter's default is the value, and what counts as weaker is data there, read by the Audit.
/// </summary>
public sealed class PolicyParametersTests
{
    private sealed class Everything : TollgateBuild, IStandardGates;

    private static readonly string[] WithoutParameter = ["security.trivyMinimumVersion"]; // a floor for the tool, not a choice

    [Fact]
    public async Task Each_policy_value_is_the_default_of_the_one_parameter_that_sets_it()
    {
        using var directory = new TempDirectory();
        var help = await HostRun.RunAsync<Everything>(directory.Path, ["--help"]);
        var lines = help.Output.Split('\n');
        var defaults = PolicyChanges.Flatten(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Tollgate", "Policy", "defaults.json")));

        foreach (var policy in PolicyWeakening.Parameters)
        {
            var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith($"--{policy.Parameter} ", StringComparison.Ordinal));
            Assert.True(at >= 0, $"{policy.Key}: no parameter --{policy.Parameter}");
            var shown = lines[at + 1].Trim();
            Assert.StartsWith("default: ", shown, StringComparison.Ordinal);
            Assert.Equal(Shown(defaults[policy.Key]), shown["default: ".Length..]);
        }

        var unnamed = defaults.Keys.Where(k => !k.StartsWith("tools.", StringComparison.Ordinal) && !WithoutParameter.Contains(k) && PolicyWeakening.Parameters.All(p => p.Key != k));
        Assert.Empty(unnamed);
    }

    [Theory]
    [InlineData("coverage-threshold", "60", true)]
    [InlineData("coverage-threshold", "80", false)]
    [InlineData("coverage-tolerance", "2", true)]
    [InlineData("mutation-threshold", "69.9", true)]
    [InlineData("security-fail-on", "critical", true)]
    [InlineData("security-fail-on", "critical high medium", false)]
    [InlineData("required-gates", "Test", true)]
    [InlineData("version-tool", "gitversion", false)]
    [InlineData("configuration", "Debug", false)]
    public void What_weakens_a_default_is_read_from_the_policy(string parameter, string value, bool weakens) =>
        Assert.Equal(weakens, PolicyWeakening.Weakens(new ParameterRecord
        {
            Name = parameter,
            Value = value,
            Source = "parameters.json",
            Overridden = true,
            Secret = false,
        }));

    // How --help shows a default: a list's words with spaces, a null as (none).
    private static string Shown(string json)
    {
        using var value = JsonDocument.Parse(json);
        return value.RootElement.ValueKind switch
        {
            JsonValueKind.Array => string.Join(' ', value.RootElement.EnumerateArray().Select(e => e.GetString())),
            JsonValueKind.Null => "(none)",
            JsonValueKind.String => value.RootElement.GetString()!,
            _ => value.RootElement.GetRawText(),
        };
    }
}
