using System.Collections.Concurrent;

namespace Tollgate.Tests.Engine;

/// <summary>
/// Compile, then Slow, Quick and Checks side by side, then Report after Slow. Slow waits until Quick has
/// started, so the run only ends when two targets really ran at once (or Slow gives up after a while).
/// </summary>
public sealed class ParallelBuild : BuildBase
{
    private readonly TaskCompletionSource quickStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Events { get; } = new();

    public bool SawQuickWhileSlowRan { get; private set; }

    public Func<string, bool> Fails { get; set; } = _ => false;

    /// <summary>How long Slow waits for Quick to start.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(10);

    Target Compile => _ => _.Executes(() => Record("Compile"));

    Target Slow => _ => _.DependsOn(Compile).ProceedAfterFailure().Executes(async context =>
    {
        Record("Slow");
        context.Log.Info("slow: first line");
        var first = await Task.WhenAny(quickStarted.Task, Task.Delay(Patience));
        SawQuickWhileSlowRan = first == quickStarted.Task;
        context.Log.Info("slow: second line");
        Events.Enqueue("Slow:end");
        Fail("Slow");
    });

    Target Quick => _ => _.DependsOn(Compile).ProceedAfterFailure().Executes(context =>
    {
        Record("Quick");
        quickStarted.TrySetResult();
        context.Log.Info("quick: first line");
        context.Log.Info("quick: second line");
        Events.Enqueue("Quick:end");
    });

    Target Report => _ => _.DependsOn(Slow).Executes(() => Record("Report"));

    Target All => _ => _.DependsOn(Slow, Quick, Report);

    private void Record(string name) => Events.Enqueue(name);

    private void Fail(string name)
    {
        if (Fails(name))
        {
            throw new TargetFailedException($"{name} broke");
        }
    }
}
