using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

public class TargetRegistryTests
{
    [Fact]
    public void Finds_targets_of_the_build_and_of_its_components()
    {
        var names = TargetRegistry.Discover(new SampleBuild()).Select(t => t.Name).ToList();

        Assert.Contains("Restore", names);
        Assert.Contains("Compile", names);
        Assert.Contains("Pack", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Two_components_declaring_one_target_name_is_a_clear_error()
    {
        var error = Assert.Throws<BuildException>(() => TargetRegistry.Discover(new ClashingBuild()));

        Assert.Contains("Target 'Restore' is declared by two components: IOtherComponent and ISampleComponent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collective_targets_have_no_actions()
    {
        var all = TargetRegistry.Discover(new SampleBuild()).Single(t => t.Name == "All");

        Assert.True(all.IsCollective);
        Assert.Equal(["UnitTests", "Lint", "Report"], all.Dependencies.Select(d => d.Name));
    }

    [Fact]
    public async Task A_build_replaces_one_component_target_and_extends_another()
    {
        var build = new OverridingBuild();

        var results = await Fixture.RunAsync(build, "Compile");

        Assert.All(results, r => Assert.Equal(TargetStatus.Succeeded, r.Status));
        Assert.Equal(["MyRestore", "Compile:plain", "AfterCompile"], build.Journal);
    }

    [Fact]
    public void Descriptions_and_artifacts_are_kept()
    {
        var restore = TargetRegistry.Discover(new SampleBuild()).Single(t => t.Name == "Restore");

        Assert.Equal("Restore", restore.Description);
        Assert.Equal(typeof(ISampleComponent), restore.DeclaringType);
    }
}
