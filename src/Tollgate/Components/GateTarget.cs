using System.Diagnostics;
using System.Text.RegularExpressions;
using Tollgate.Evidence;
using Tollgate.Gates.Review;
using Tollgate.Tools;

namespace Tollgate;

/// <summary>Runs a gate inside a target: records its result in the evidence, shows its figure, fails the target unless it passed.</summary>
internal static partial class GateTarget
{
    /// <summary>
    /// Runs <paramref name="gate"/>. Whatever happens, the gate ends with a document: any exception (a missing
    /// tool, an unreadable report, a bug) makes it an error with the message, never a pass and never no
    /// document; an abort records it as an error too, then goes on aborting.
    /// </summary>
    public static async Task RunAsync(ITollgateBuild build, TargetContext context, string name, Func<Task<GateResult>> gate)
    {
        var clock = Stopwatch.StartNew();
        var commands = ProcessRunner.Record();
        GateResult result;
        try
        {
            result = await gate().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
        {
            build.RunEvidence.RecordGate(GateResult.Errored(name, "aborted by a signal before it finished"), clock.Elapsed);
            throw;
        }
        catch (Exception exception)
        {
            var known = exception is ToolNotFoundException or InvalidDataException or IOException or TargetFailedException or BuildException;
            result = GateResult.Errored(name, known ? exception.Message : $"{exception.GetType().Name}: {exception.Message}");
            if (!known)
            {
                context.Log.Debug(exception.ToString());
            }
        }

        result = Finish(build, result, commands);
        build.RunEvidence.RecordGate(result, clock.Elapsed);
        context.Headline = result.Headline;
        if (result.Status is not (GateStatus.Passed or GateStatus.Skipped))
        {
            throw new TargetFailedException($"{name} gate {result.Status.ToString().ToLowerInvariant()}: {string.Join("; ", result.Reasons)}");
        }
    }

    /// <summary>
    /// A gate's result as the evidence records it, the one way for every gate (a merge's too): the commands it ran, relative to
    /// the root, and each finding's fingerprint.
    /// </summary>
    public static GateResult Finish(ITollgateBuild build, GateResult result, IReadOnlyList<string> commands) =>
        FindingFingerprint.AddTo(result with { Commands = Relative(commands, build.RootDirectory) }, build.RootDirectory);

    // The same on every machine: the root's own path is left out (".nuke/temp/tools/…", "src/A/A.csproj"), and the
    // run ids tools put into paths (coverlet's results folder) read "{run-id}".
    private static List<string> Relative(IReadOnlyList<string> commands, AbsolutePath root)
    {
        lock (commands)
        {
            var prefix = root.ToString().TrimEnd('/', '\\') + "/";
            return commands.Select(c => RunId().Replace(c.Replace(prefix, "", StringComparison.Ordinal), "{run-id}")).ToList();
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex RunId();
}
