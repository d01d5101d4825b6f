using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

public class PlannerTests
{
    [Fact]
    public void Dependencies_run_first_in_declaration_order()
    {
        var plan = Fixture.Plan(new SampleBuild(), "All");

        Assert.Equal(["Restore", "Compile", "UnitTests", "Lint", "Report", "All"], plan.Names);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("REPORT")]
    [InlineData("Report")]
    [InlineData("re-port")]
    public void Target_names_ignore_case_and_dashes(string name)
    {
        Assert.Equal("Report", Fixture.Plan(new SampleBuild(), name).Names[^1]);
    }

    [Fact]
    public void Unknown_target_names_the_closest_ones()
    {
        var error = Assert.Throws<BuildException>(() => Fixture.Plan(new SampleBuild(), "Compil"));

        Assert.Contains("Unknown target 'Compil'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean: Compile?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependency_cycle_is_named()
    {
        var error = Assert.Throws<BuildException>(() => Fixture.Plan(new CyclicBuild(), "A"));

        Assert.Contains("A -> B -> C -> A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordering_cycle_is_named()
    {
        var error = Assert.Throws<BuildException>(() => Fixture.Plan(new OrderCycleBuild(), "Both"));

        Assert.Matches("(A -> B -> A|B -> A -> B)", error.Message);
    }

    [Fact]
    public void Before_orders_only_targets_that_are_planned_anyway()
    {
        Assert.Equal(["Clean", "Restore", "Compile"], Fixture.Plan(new SampleBuild(), "Compile", "Clean").Names);
        Assert.DoesNotContain("Clean", Fixture.Plan(new SampleBuild(), "Compile").Names);
    }

    [Fact]
    public void Triggered_targets_are_planned_after_the_trigger()
    {
        Assert.Equal(["Restore", "Compile", "Pack", "Publish", "Notify"], Fixture.Plan(new SampleBuild(), "Publish").Names);
    }

    [Fact]
    public void After_moves_a_target_behind_planned_ones_whatever_the_request_order()
    {
        var names = Fixture.Plan(new SampleBuild(), "Notify", "Pack").Names;

        Assert.True(names.ToList().IndexOf("Notify") > names.ToList().IndexOf("Pack"));
    }

    [Fact]
    public void Default_target_runs_when_none_is_named()
    {
        var plan = Planner.Plan(TargetRegistry.Discover(new SampleBuild()), [], "Compile", null);

        Assert.Equal(["Restore", "Compile"], plan.Names);
    }

    [Fact]
    public void No_target_and_no_default_is_an_error()
    {
        Assert.Throws<BuildException>(() => Planner.Plan(TargetRegistry.Discover(new SampleBuild()), [], null, null));
    }

    [Fact]
    public void Skip_alone_skips_everything_but_the_named_targets()
    {
        var plan = Planner.Plan(TargetRegistry.Discover(new SampleBuild()), ["Compile"], null, []);

        Assert.NotNull(plan.Targets.Single(t => t.Target.Name == "Restore").SkipReason);
        Assert.Null(plan.Targets.Single(t => t.Target.Name == "Compile").SkipReason);
    }

    [Fact]
    public void Skip_with_names_skips_those()
    {
        var plan = Planner.Plan(TargetRegistry.Discover(new SampleBuild()), ["Pack"], null, ["compile"]);

        Assert.Equal("--skip", plan.Targets.Single(t => t.Target.Name == "Compile").SkipReason);
        Assert.Null(plan.Targets.Single(t => t.Target.Name == "Restore").SkipReason);
    }

    [Fact]
    public void Skipping_an_unknown_target_is_an_error()
    {
        Assert.Throws<BuildException>(() => Planner.Plan(TargetRegistry.Discover(new SampleBuild()), ["Pack"], null, ["Nope"]));
    }
}
