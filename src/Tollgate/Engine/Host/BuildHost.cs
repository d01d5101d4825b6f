using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Tollgate.Engine;

/// <summary>
/// Runs a build from its arguments: finds the root, resolves parameters, discovers and plans targets,
/// answers <c>--help</c> and <c>--plan</c>, checks requirements, executes, reports, and returns the exit code.
/// </summary>
internal static class BuildHost
{
    /// <summary>Runs build <typeparamref name="T"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="defaultTarget">The target run when none is named.</param>
    /// <param name="host">Working directory, environment and output.</param>
    /// <param name="cancellation">Aborts the run, like Ctrl-C.</param>
    public static async Task<int> RunAsync<T>(IReadOnlyList<string> args, string? defaultTarget, HostEnvironment host, CancellationToken cancellation = default)
        where T : BuildBase, new()
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var masker = new SecretMasker();
        var bootLog = new BuildLog(host.Out, host.Error, Verbosity.Normal, masker);
        CommandLine commandLine;
        AbsolutePath root;
        try
        {
            commandLine = CommandLine.Parse(args);
            root = RootDirectory.Find(host.WorkingDirectory, commandLine.Root);
        }
        catch (BuildException exception)
        {
            bootLog.Error(exception.Message);
            return ExitCodes.BadInput;
        }

        var log = new BuildLog(host.Out, host.Error, commandLine.Verbosity, masker);
        var build = new T { RootDirectory = root, Log = log, EnvironmentVariables = host.Variables, Terminal = host.Terminal };
        IReadOnlyList<ResolvedParameter> parameters = [];
        IReadOnlyList<ExecutableTarget> targets;
        ExecutionPlan plan;
        try
        {
            var descriptors = ParameterDescriptor.Discover(typeof(T));
            var defaults = ParameterValues.ReadDefaults(build, descriptors);
            var sources = ParameterSources.Load(commandLine.Parameters, host.Variables, root / RootDirectory.Marker, commandLine.Profiles);
            build.Parameters = ParameterValues.Resolve(descriptors, sources, root, masker);
            build.Parameters.Inject(build);
            parameters = build.Parameters.Report(build, defaults);
            targets = TargetRegistry.Discover(build);
            if (defaultTarget is not null)
            {
                Planner.Find(targets, defaultTarget);
            }

            BuildSchema.Update(root / RootDirectory.Marker / BuildSchema.FileName, targets, descriptors, log);
            if (commandLine.Help)
            {
                HelpPrinter.Print(log, root, targets, parameters, defaultTarget);
                return ExitCodes.Success;
            }

            plan = Planner.Plan(targets, commandLine.Targets, defaultTarget, commandLine.Skip);
            if (commandLine.Plan)
            {
                PlanPrinter.Print(log, plan);
                return ExitCodes.Success;
            }

            // Known before any requirement is checked, so that a target can require what the plan holds.
            build.PlannedTargets = plan.Targets.Where(t => t.SkipReason is null).Select(t => t.Target.Name).ToHashSet(StringComparer.Ordinal);
            CheckRequirements(plan);
        }
        catch (BuildException exception)
        {
            // Nothing ran: say what is wrong and leave every bundle the user has as it is.
            log.Error(exception.Message);
            return ExitCodes.BadInput;
        }

        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var signals = host.HandleSignals ? new SignalHandlers(abort, log) : null;
        var writesState = plan.Targets.Any(p => !p.Target.LeavesEvidenceAlone);
        RepositoryLock? held = null;
        if (writesState)
        {
            try
            {
                held = await RepositoryLock.AcquireAsync(root, !commandLine.NoWait, masker.Apply, log.Always, abort.Token).ConfigureAwait(false);
            }
            catch (BuildException exception)
            {
                log.Error(exception.Message);
                return ExitCodes.Failure;
            }
            catch (OperationCanceledException)
            {
                log.Error("Aborted while waiting for the repository lock; nothing ran.");
                return ExitCodes.Aborted;
            }
        }

        using var _ = held;
        build.HoldsRepositoryLock = held is not null;
        var results = await new Executor(log, build.TargetObserver, commandLine.EffectiveMaxParallel).RunAsync(plan, abort.Token).ConfigureAwait(false);
        var report = new BuildReport(
            root, commandLine.Targets, results, parameters, started, clock.Elapsed, null,
            WritesEvidence: writesState && results.Any(r => r.Ran),
            Aborted: abort.IsCancellationRequested || results.Any(r => r.Status == TargetStatus.Aborted));
        try
        {
            await build.OnBuildFinishedAsync(report).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BuildException)
        {
            // The targets may all have passed, but a run whose evidence is not written did not succeed: the last lines say so.
            var error = exception is BuildException ? exception.Message : $"Could not write the run's evidence: {exception.Message}";
            log.Error(error);
            SummaryPrinter.Print(log, report with { Error = error });
            return ExitCodes.Failure;
        }

        SummaryPrinter.Print(log, report);
        return report.Aborted ? ExitCodes.Aborted : report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void CheckRequirements(ExecutionPlan plan)
    {
        var unmet = plan.Targets
            .Where(p => p.SkipReason is null)
            .SelectMany(p => p.Target.Definition.Requirements.Where(r => !r.Condition()).Select(r => $"{p.Target.Name} requires {r.Text()}"))
            .ToList();
        if (unmet.Count > 0)
        {
            throw new BuildException($"Nothing ran because a requirement is not met: {string.Join("; ", unmet)}. Set the missing value (see ./build.sh --help).");
        }
    }

    private sealed class SignalHandlers : IDisposable
    {
        private readonly PosixSignalRegistration[] registrations;

        public SignalHandlers(CancellationTokenSource abort, BuildLog log)
        {
            registrations = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM }.Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                if (abort.IsCancellationRequested)
                {
                    return; // a second signal ends the process the usual way
                }

                context.Cancel = true;
                log.Error($"{context.Signal} received: aborting the running target, then running assured targets and writing evidence.");
                abort.Cancel();
            })).ToArray();
        }

        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
