using Tollgate.Engine;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Engine;

public enum Speed
{
    Slow,
    FastEnough,
}

public interface IParameterComponent : IParameterProvider
{
    [Parameter("From a component")]
    int Retries => this.ValueOf(() => Retries, 3);

    [Parameter("Paths")]
    AbsolutePath? Output => this.ValueOf(() => Output, null);
}

public sealed class ParameterBuild : BuildBase, IParameterComponent
{
    [Parameter("A text")]
    public string Configuration { get; } = "Debug";

    [Parameter("A flag")]
    public readonly bool Fast;

    [Parameter("A number")]
    public double Threshold = 70;

    [Parameter("An enum")]
    public Speed Speed = Speed.Slow;

    [Parameter("A list")]
    public string[] Properties = [];

    [Parameter("A secret"), Secret]
    public string? ApiKey;
}

public class ParameterTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Defaults_hold_when_nobody_sets_a_value()
    {
        var (build, report) = Resolve([]);

        Assert.Equal("Debug", build.Configuration);
        Assert.Equal(3, ((IParameterComponent)build).Retries);
        Assert.All(report, p => Assert.Equal(ParameterSource.Default, p.Source));
        Assert.Equal(3, report.Single(p => p.Descriptor.Name == "Retries").DefaultValue);
    }

    [Fact]
    public void Command_line_sets_every_type()
    {
        var (build, _) = Resolve([
            "--configuration", "Release", "--fast", "--threshold", "72.5", "--speed", "fast-enough",
            "--properties", "A=1", "B=2", "--retries", "5", "--output", "out/dir",
        ]);

        Assert.Equal("Release", build.Configuration);
        Assert.True(build.Fast);
        Assert.Equal(72.5, build.Threshold);
        Assert.Equal(Speed.FastEnough, build.Speed);
        Assert.Equal(["A=1", "B=2"], build.Properties);
        Assert.Equal(5, ((IParameterComponent)build).Retries);
        Assert.Equal(System.IO.Path.Combine(root.Path, "out", "dir"), ((IParameterComponent)build).Output!.Value);
    }

    [Fact]
    public void Environment_variables_count_only_with_the_prefix_whose_rest_ignores_case_and_underscores()
    {
        var (build, report) = Resolve([], new() { ["RETRIES"] = "7", ["TOLLGATE_RETRIES"] = "8", ["tollgate_con_figuration"] = "FromEnv", ["TOLLGATE_PROPERTIES"] = "X=1 Y=2", ["THRESHOLD"] = "99" });

        Assert.Equal(8, ((IParameterComponent)build).Retries);
        Assert.Equal("FromEnv", build.Configuration);
        Assert.Equal(["X=1", "Y=2"], build.Properties);
        Assert.Equal(ParameterSource.Default, report.Single(p => p.Descriptor.Name == "Threshold").Source);
        Assert.Equal("environment variable TOLLGATE_RETRIES", report.Single(p => p.Descriptor.Name == "Retries").Origin);
    }

    [Fact]
    public void Precedence_is_command_line_then_environment_then_profile_then_parameters_file()
    {
        root.Write(".nuke/parameters.json", """{ "Configuration": "File", "Retries": 1, "Threshold": 10, "Fast": true, "Properties": ["F=1"] }""");
        root.Write(".nuke/parameters.ci.json", """{ "Retries": 2, "Threshold": 20 }""");

        var (build, report) = Resolve(["--configuration", "Cli"], new() { ["TOLLGATE_RETRIES"] = "4" }, ["ci"]);

        Assert.Equal("Cli", build.Configuration);
        Assert.Equal(4, ((IParameterComponent)build).Retries);
        Assert.Equal(20, build.Threshold);
        Assert.True(build.Fast);
        Assert.Equal(["F=1"], build.Properties);
        Assert.Equal(ParameterSource.Profile, report.Single(p => p.Descriptor.Name == "Threshold").Source);
        Assert.Equal(".nuke/parameters.json (\"Fast\")", report.Single(p => p.Descriptor.Name == "Fast").Origin);
    }

    [Theory]
    [InlineData("--retries", "many", "--retries from --retries: 'many' is not valid; expected a whole number")]
    [InlineData("--threshold", "high", "--threshold from --threshold: 'high' is not valid; expected a number")]
    [InlineData("--speed", "warp", "expected one of Slow, FastEnough")]
    [InlineData("--fast", "perhaps", "expected true or false")]
    public void A_value_that_does_not_convert_names_parameter_source_and_expected_type(string option, string value, string expected)
    {
        var error = Assert.Throws<BuildException>(() => Resolve([option, value]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_in_a_file_names_the_file()
    {
        root.Write(".nuke/parameters.json", """{ "Retries": "lots" }""");

        var error = Assert.Throws<BuildException>(() => Resolve([]));

        Assert.Contains(".nuke/parameters.json (\"Retries\"): 'lots' is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_in_the_environment_names_the_variable()
    {
        var error = Assert.Throws<BuildException>(() => Resolve([], new() { ["TOLLGATE_THRESHOLD"] = "x" }));

        Assert.Contains("environment variable TOLLGATE_THRESHOLD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_parameters_are_errors_with_suggestions()
    {
        var error = Assert.Throws<BuildException>(() => Resolve(["--retires", "2"]));

        Assert.Contains("Unknown parameter --retires. Did you mean: retries?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_in_the_parameters_file_are_errors()
    {
        root.Write(".nuke/parameters.json", """{ "Nonsense": 1 }""");

        var error = Assert.Throws<BuildException>(() => Resolve([]));

        Assert.Contains(".nuke/parameters.json (\"Nonsense\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_the_file_and_line()
    {
        root.Write(".nuke/parameters.json", "{\n  \"Retries\": ,\n}");

        var error = Assert.Throws<BuildException>(() => Resolve([]));

        Assert.Contains("parameters.json is not valid JSON (line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_profile_is_an_error_naming_the_ones_there()
    {
        root.Write(".nuke/parameters.release.json", "{}");

        var error = Assert.Throws<BuildException>(() => Resolve([], profiles: ["relaese"]));

        Assert.Contains("Profile 'relaese'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean: release?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scalar_given_a_list_is_an_error()
    {
        var error = Assert.Throws<BuildException>(() => Resolve(["--configuration", "A", "B"]));

        Assert.Contains("takes one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_registered_with_the_masker_and_displayed_masked()
    {
        var masker = new SecretMasker();
        var (_, report) = Resolve(["--api-key", "s3cr3t-value"], masker: masker);

        Assert.Equal("token=***", masker.Apply("token=s3cr3t-value"));
        Assert.Equal(SecretMasker.Mask, report.Single(p => p.Descriptor.Name == "ApiKey").Display(new AbsolutePath(root.Path)));
    }

    private (ParameterBuild Build, IReadOnlyList<ResolvedParameter> Report) Resolve(
        string[] args, Dictionary<string, string>? environment = null, string[]? profiles = null, SecretMasker? masker = null)
    {
        var build = new ParameterBuild();
        var descriptors = ParameterDescriptor.Discover(typeof(ParameterBuild));
        var defaults = ParameterValues.ReadDefaults(build, descriptors);
        var commandLine = CommandLine.Parse(args);
        var sources = ParameterSources.Load(commandLine.Parameters, environment ?? [], new AbsolutePath(root.Path) / ".nuke", profiles ?? []);
        var values = ParameterValues.Resolve(descriptors, sources, new AbsolutePath(root.Path), masker ?? new SecretMasker());
        values.Inject(build);
        build.Parameters = values;
        return (build, values.Report(build, defaults));
    }
}
