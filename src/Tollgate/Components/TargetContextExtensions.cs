using Tollgate.Tools;

namespace Tollgate;

/// <summary>What a target of a build author's own can do besides logging: run a program.</summary>
public static class TargetContextExtensions
{
    /// <summary>
    /// Runs a program to its end (an argument list, never a shell string): its output is masked and shown at
    /// verbose level, a time-out and the target's cancellation kill its whole process tree, and a program that
    /// is not installed is an error naming <see cref="ProcessSpec.InstallHint"/>.
    /// </summary>
    public static Task<ProcessResult> RunAsync(this TargetContext context, ProcessSpec spec) =>
        new ProcessRunner(context.Log).RunAsync(spec, context.Cancellation);
}
