using System.Diagnostics;
using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Tools;

namespace Tollgate;

/// <summary>Runs a gate inside a target: records its result in the evidence, shows its figure, fails the target unless it passed.</summary>
public static class GateTarget
{
    /// <summary>Runs <paramref name="gate"/>; a missing tool or an unreadable report makes the gate an error, never a pass.</summary>
    public static async Task RunAsync(ITollgateBuild build, TargetContext context, string name, Func<Task<GateResult>> gate)
    {
        var clock = Stopwatch.StartNew();
        GateResult result;
        try
        {
            result = await gate().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ToolNotFoundException or InvalidDataException or IOException)
        {
            result = GateResult.Errored(name, exception.Message);
        }

        build.RunEvidence.RecordGate(result, clock.Elapsed);
        context.Headline = result.Headline;
        if (result.Status != GateStatus.Passed)
        {
            throw new TargetFailedException($"{name} gate {result.Status.ToString().ToLowerInvariant()}: {string.Join("; ", result.Reasons)}");
        }
    }

    /// <summary>A gate whose checks are not built yet: it records an error and fails. It never passes.</summary>
    public static void NotImplemented(ITollgateBuild build, TargetContext context, string name)
    {
        const string reason = "not implemented yet";
        build.RunEvidence.RecordGate(GateResult.Errored(name, reason), TimeSpan.Zero);
        context.Headline = reason;
        throw new TargetFailedException($"{name}: {reason}");
    }
}
