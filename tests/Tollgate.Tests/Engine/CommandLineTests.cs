using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

public class CommandLineTests
{
    [Fact]
    public void Positional_targets_options_and_parameters_are_told_apart()
    {
        var line = CommandLine.Parse(["Test", "Lint", "--configuration", "Release", "--skip", "Compile", "--plan", "--verbosity", "quiet", "--threshold", "-5"]);

        Assert.Equal(["Test", "Lint"], line.Targets);
        Assert.Equal(["Compile"], line.Skip);
        Assert.True(line.Plan);
        Assert.Equal(Verbosity.Quiet, line.Verbosity);
        Assert.Equal(["Release"], line.Parameters["configuration"]);
        Assert.Equal(["-5"], line.Parameters["threshold"]);
    }

    [Fact]
    public void Target_option_and_bare_skip_are_understood()
    {
        var line = CommandLine.Parse(["--target", "A", "B", "--skip", "--root", "x", "--profile", "ci", "-h"]);

        Assert.Equal(["A", "B"], line.Targets);
        Assert.Empty(line.Skip!);
        Assert.Equal("x", line.Root);
        Assert.Equal(["ci"], line.Profiles);
        Assert.True(line.Help);
    }

    [Fact]
    public void Words_with_a_single_dash_are_values()
    {
        var line = CommandLine.Parse(["--coverage-file-filters", "-**/Generated/**", "+src/**", "--offset", "-0.5"]);

        Assert.Equal(["-**/Generated/**", "+src/**"], line.Parameters["coverage-file-filters"]);
        Assert.Equal(["-0.5"], line.Parameters["offset"]);
    }

    [Fact]
    public void Words_after_plan_are_targets()
    {
        var line = CommandLine.Parse(["--plan", "Ci", "Lint"]);

        Assert.True(line.Plan);
        Assert.Equal(["Ci", "Lint"], line.Targets);
    }

    [Theory]
    [InlineData("--verbosity", "loud")]
    [InlineData("--root")]
    [InlineData("--profile")]
    public void Malformed_options_are_errors(params string[] args)
    {
        Assert.Throws<BuildException>(() => CommandLine.Parse(args));
    }

    [Fact]
    public void A_parameter_given_twice_is_an_error()
    {
        var error = Assert.Throws<BuildException>(() => CommandLine.Parse(["--retries", "1", "--RETRIES", "2"]));

        Assert.Contains("given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_parallel_takes_a_count_and_defaults_to_the_processor_count()
    {
        Assert.Equal(3, CommandLine.Parse(["Ci", "--max-parallel", "3"]).EffectiveMaxParallel);
        Assert.Equal(Environment.ProcessorCount, CommandLine.Parse(["Ci"]).EffectiveMaxParallel);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("many")]
    public void Max_parallel_below_one_or_not_a_number_is_bad_input_naming_it(string value)
    {
        var error = Assert.Throws<BuildException>(() => CommandLine.Parse(["Ci", "--max-parallel", value]));

        Assert.Contains($"--max-parallel '{value}'", error.Message, StringComparison.Ordinal);
    }
}
