using Tollgate.Engine;
namespace Tollgate;

/// <summary>The engine's view of a build: what the host fills in before any target runs.</summary>
public abstract class BuildBase : IParameterProvider
{
    /// <inheritdoc />
    internal ParameterValues Parameters { get; set; } = ParameterValues.Empty;

    ParameterValues IParameterProvider.Parameters => Parameters;

    /// <summary>The repository root: the directory holding <c>.nuke/</c>.</summary>
    public AbsolutePath RootDirectory { get; internal set; } = new(Directory.GetCurrentDirectory());

    /// <summary>The build's log.</summary>
    public BuildLog Log { get; internal set; } = BuildLog.Console(Verbosity.Normal, new SecretMasker());

    /// <summary>The environment the build runs in (the process's, or a test's).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; internal set; } = new Dictionary<string, string>();

    /// <summary>A person's keyboard, when the build runs on a terminal; null in CI and other redirected runs.</summary>
    internal TextReader? Terminal { get; set; }

    /// <summary>The targets this run executes (its plan without the skipped ones), known before the first one starts.</summary>
    internal IReadOnlySet<string> PlannedTargets { get; set; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>True while this run holds the repository's lock (<see cref="RepositoryLock"/>): no other run writes its evidence or build state then.</summary>
    internal bool HoldsRepositoryLock { get; set; }

    /// <summary>Told when each target starts and ends (a CI host's log sections); none by default.</summary>
    internal virtual ITargetObserver? TargetObserver => null;

    /// <summary>Called once after the run (also after a failure, an abort or bad input once the root is known).</summary>
    internal virtual Task OnBuildFinishedAsync(BuildReport report) => Task.CompletedTask;
}
