using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

public class ParallelExecutorTests
{
    private static async Task<(IReadOnlyList<TargetResult> Results, string Console)> RunAsync(ParallelBuild build, int maxParallel)
    {
        var console = new StringWriter();
        var plan = Fixture.Plan(build, "All");
        var results = await new Executor(Fixture.Log(console), null, maxParallel).RunAsync(plan, CancellationToken.None);
        return (results, console.ToString());
    }

    [Fact]
    public async Task Independent_targets_run_at_the_same_time()
    {
        var build = new ParallelBuild();

        var (results, _) = await RunAsync(build, maxParallel: 2);

        Assert.True(build.SawQuickWhileSlowRan, string.Join(", ", build.Events));
        Assert.All(results, r => Assert.True(r.Status is TargetStatus.Succeeded or TargetStatus.Collective, $"{r.Name}: {r.Status}"));
    }

    [Fact]
    public async Task A_target_starts_only_after_its_dependencies_ended()
    {
        var build = new ParallelBuild();

        await RunAsync(build, maxParallel: 4);
        var events = build.Events.ToList();

        Assert.Equal("Compile", events[0]);
        Assert.True(events.IndexOf("Report") > events.IndexOf("Slow:end"), string.Join(", ", events));
    }

    [Fact]
    public async Task One_at_a_time_keeps_the_plan_order()
    {
        var build = new ParallelBuild { Patience = TimeSpan.FromMilliseconds(50) };

        var (results, _) = await RunAsync(build, maxParallel: 1);

        Assert.False(build.SawQuickWhileSlowRan);
        Assert.Equal(["Compile", "Slow", "Slow:end", "Quick", "Quick:end", "Report"], build.Events.Where(e => e != "All"));
        Assert.Equal(Fixture.Plan(new ParallelBuild(), "All").Names, results.Select(r => r.Name));
    }

    [Fact]
    public async Task Results_come_in_plan_order_whatever_ends_first()
    {
        var (results, _) = await RunAsync(new ParallelBuild(), maxParallel: 3);

        Assert.Equal(Fixture.Plan(new ParallelBuild(), "All").Names, results.Select(r => r.Name));
    }

    [Fact]
    public async Task Each_target_output_is_one_block_on_the_console()
    {
        var (_, console) = await RunAsync(new ParallelBuild(), maxParallel: 2);
        var lines = console.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        int At(string line) => lines.FindIndex(l => l.Contains(line, StringComparison.Ordinal));
        Assert.True(At("slow: first line") + 1 == At("slow: second line"), console);
        Assert.True(At("quick: first line") + 1 == At("quick: second line"), console);
        Assert.True(At("═══ Quick") < At("quick: first line"), console);
    }

    [Fact]
    public async Task A_failure_leaves_out_its_dependents_while_the_others_finish()
    {
        var build = new ParallelBuild { Fails = name => name == "Slow" };

        var (results, _) = await RunAsync(build, maxParallel: 2);

        Assert.Equal(TargetStatus.Failed, results.StatusOf("Slow"));
        Assert.Equal(TargetStatus.Succeeded, results.StatusOf("Quick"));
        Assert.Equal(TargetStatus.NotRun, results.StatusOf("Report"));
        Assert.Equal(TargetStatus.Failed, results.StatusOf("All"));
    }
}
