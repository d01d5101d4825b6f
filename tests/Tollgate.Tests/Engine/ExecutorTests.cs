using Tollgate.Engine;

namespace Tollgate.Tests.Engine;

public class ExecutorTests
{
    [Fact]
    public async Task All_targets_succeed_and_a_collective_target_is_collective()
    {
        var results = await Fixture.RunAsync(new SampleBuild(), "All");

        Assert.Equal(TargetStatus.Collective, results.StatusOf("All"));
        Assert.All(results.Where(r => r.Name != "All"), r => Assert.Equal(TargetStatus.Succeeded, r.Status));
    }

    [Fact]
    public async Task A_failure_stops_the_build_and_later_targets_do_not_run()
    {
        var build = new SampleBuild { Fails = name => name == "Pack" };

        var results = await Fixture.RunAsync(build, "Publish");

        Assert.Equal(TargetStatus.Failed, results.StatusOf("Pack"));
        Assert.Equal("Pack broke", results.Single(r => r.Name == "Pack").Reason);
        Assert.Equal(TargetStatus.NotRun, results.StatusOf("Publish"));
        Assert.DoesNotContain("Publish", build.Journal);
    }

    [Fact]
    public async Task Proceed_after_failure_runs_the_other_targets_and_the_aggregate_fails()
    {
        var build = new SampleBuild { Fails = name => name == "UnitTests" };

        var results = await Fixture.RunAsync(build, "All");

        Assert.Equal(TargetStatus.Failed, results.StatusOf("UnitTests"));
        Assert.Equal(TargetStatus.Succeeded, results.StatusOf("Lint"));
        Assert.Equal(TargetStatus.NotRun, results.StatusOf("Report"));
        Assert.Contains("UnitTests", results.Single(r => r.Name == "Report").Reason, StringComparison.Ordinal);
        Assert.Equal(TargetStatus.Failed, results.StatusOf("All"));
        Assert.Contains("Lint", build.Journal);
    }

    [Fact]
    public async Task Assured_targets_run_after_a_failure()
    {
        var build = new SampleBuild { Fails = name => name == "Pack" };

        var results = await Fixture.RunAsync(build, "Pack", "Notify");

        Assert.Equal(TargetStatus.Failed, results.StatusOf("Pack"));
        Assert.Equal(TargetStatus.Succeeded, results.StatusOf("Notify"));
    }

    [Fact]
    public async Task A_false_condition_skips_with_its_expression_as_reason()
    {
        var results = await Fixture.RunAsync(new SampleBuild(), "Maybe");

        var maybe = results.Single(r => r.Name == "Maybe");
        Assert.Equal(TargetStatus.Skipped, maybe.Status);
        Assert.Contains("Journal.Count > 100", maybe.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipped_targets_do_not_stop_their_dependents()
    {
        var build = new SampleBuild();
        var plan = Planner.Plan(TargetRegistry.Discover(build), ["Compile"], null, ["Restore"]);

        var results = await new Executor(Fixture.Log()).RunAsync(plan, CancellationToken.None);

        Assert.Equal(TargetStatus.Skipped, results.StatusOf("Restore"));
        Assert.Equal(TargetStatus.Succeeded, results.StatusOf("Compile"));
        Assert.Equal(["Compile:plain"], build.Journal);
    }

    [Fact]
    public async Task An_unexpected_exception_fails_the_target_with_its_type()
    {
        var build = new ThrowingBuild();

        var results = await Fixture.RunAsync(build, "Boom");

        Assert.Equal(TargetStatus.Failed, results.StatusOf("Boom"));
        Assert.Equal("InvalidOperationException: kaput", results.Single().Reason);
    }

    [Fact]
    public async Task Cancellation_aborts_the_running_target_then_assured_targets_run()
    {
        var build = new SlowBuild();
        using var cancellation = new CancellationTokenSource();
        var plan = Fixture.Plan(build, "Slow", "After", "Cleanup");
        var running = new Executor(Fixture.Log()).RunAsync(plan, cancellation.Token);
        await build.Started.Task;

        cancellation.Cancel();
        var results = await running;

        Assert.Equal(TargetStatus.Aborted, results.StatusOf("Slow"));
        Assert.Equal(TargetStatus.NotRun, results.StatusOf("After"));
        Assert.Equal(TargetStatus.Succeeded, results.StatusOf("Cleanup"));
        Assert.True(results.Single(r => r.Name == "Slow").IsFailure);
    }

    [Fact]
    public async Task Headline_and_closing_line_are_reported()
    {
        var results = await Fixture.RunAsync(new ThrowingBuild(), "Figure");

        Assert.Equal("42 %", results.Single().Headline);
        Assert.Equal("Figure: done", results.Single().ClosingLine);
    }

    private sealed class ThrowingBuild : BuildBase
    {
        Target Boom => _ => _.Executes(() => throw new InvalidOperationException("kaput"));

        Target Figure => _ => _.Executes(context =>
        {
            context.Headline = "42 %";
            context.ClosingLine = "Figure: done";
        });
    }

    private sealed class SlowBuild : BuildBase
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        Target Slow => _ => _.Executes(async context =>
        {
            Started.SetResult();
            await Task.Delay(TimeSpan.FromMinutes(5), context.Cancellation);
        });

        Target After => _ => _.DependsOn(Slow).Executes(() => { });

        Target Cleanup => _ => _.AssuredAfterFailure().After(After).Executes(() => { });
    }
}
