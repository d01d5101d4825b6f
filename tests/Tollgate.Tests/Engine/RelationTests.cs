using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

public class RelationTests
{
    [Fact]
    public void DependentFor_puts_a_target_between_two_of_a_component()
    {
        Assert.Equal(["Build", "Check", "Enrich", "Report"], Fixture.Plan(new RelationBuild(), "Report").Names.Where(n => n != "Announce"));
    }

    [Fact]
    public void DependentFor_makes_the_component_target_wait_for_the_new_one()
    {
        var report = TargetRegistry.Discover(new RelationBuild()).Single(t => t.Name == "Report");

        Assert.Equal(["Check", "Enrich"], report.Dependencies.Select(d => d.Name));
    }

    [Fact]
    public void TriggeredBy_plans_the_target_after_its_trigger()
    {
        var names = Fixture.Plan(new RelationBuild(), "Check").Names.ToList();

        Assert.Equal(["Build", "Check", "Announce"], names);
    }

    [Fact]
    public void Try_relations_to_a_component_the_build_lacks_are_ignored()
    {
        var loose = TargetRegistry.Discover(new RelationBuild()).Single(t => t.Name == "Loose");

        Assert.Empty(loose.Dependencies);
        Assert.Empty(loose.Before);
        Assert.Equal(["Report"], loose.After.Select(a => a.Name));
    }

    [Fact]
    public void TryAfter_orders_against_a_component_the_build_has()
    {
        var names = Fixture.Plan(new RelationBuild(), "Both").Names.ToList();

        Assert.True(names.IndexOf("Loose") > names.IndexOf("Report"), string.Join(", ", names));
    }

    [Fact]
    public void TryBefore_orders_against_a_component_the_build_has()
    {
        Assert.Equal(["Early", "Build"], Fixture.Plan(new RelationBuild(), "Build", "Early").Names);
    }

    [Fact]
    public async Task Short_Inherit_keeps_the_component_target_of_the_same_name()
    {
        var build = new RelationBuild();

        await Fixture.RunAsync(build, "Build");

        Assert.Equal(["Build", "AfterBuild"], build.Journal);
    }

    [Fact]
    public void Short_Inherit_of_a_name_the_component_lacks_is_an_error_naming_it()
    {
        var error = Assert.Throws<BuildException>(() => TargetRegistry.Discover(new WrongInheritBuild()));

        Assert.Contains("IChainComponent has no target named Mine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenSkipped_Skip_skips_the_dependencies_only_the_skipped_target_needs()
    {
        var plan = Planner.Plan(TargetRegistry.Discover(new SkippingBuild()), ["All"], null, ["Heavy"]);
        var reasons = plan.Targets.ToDictionary(t => t.Target.Name, t => t.SkipReason);

        Assert.Equal("--skip", reasons["Heavy"]);
        Assert.Contains("a dependency of Heavy", reasons["Setup"], StringComparison.Ordinal);
        Assert.Contains("a dependency of Setup", reasons["Restore"], StringComparison.Ordinal);
        Assert.Null(reasons["Shared"]);
        Assert.Null(reasons["Light"]);
    }

    [Fact]
    public void Without_WhenSkipped_the_dependencies_of_a_skipped_target_run()
    {
        var plan = Planner.Plan(TargetRegistry.Discover(new SkippingBuild()), ["AllPlain"], null, ["Plain"]);

        Assert.Equal(["Plain"], plan.Targets.Where(t => t.SkipReason is not null).Select(t => t.Target.Name));
    }
}
