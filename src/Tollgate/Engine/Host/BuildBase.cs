namespace Tollgate.Engine;

/// <summary>The engine's view of a build: what the host fills in before any target runs.</summary>
public abstract class BuildBase : IParameterProvider
{
    /// <inheritdoc />
    public ParameterValues Parameters { get; internal set; } = ParameterValues.Empty;

    /// <summary>The repository root: the directory holding <c>.nuke/</c>.</summary>
    public AbsolutePath RootDirectory { get; internal set; } = new(Directory.GetCurrentDirectory());

    /// <summary>The build's log.</summary>
    public BuildLog Log { get; internal set; } = BuildLog.Console(Verbosity.Normal, new SecretMasker());

    /// <summary>The environment the build runs in (the process's, or a test's).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; internal set; } = new Dictionary<string, string>();

    /// <summary>A person's keyboard, when the build runs on a terminal; null in CI and other redirected runs.</summary>
    public TextReader? Terminal { get; internal set; }

    /// <summary>True while this run holds the repository's lock (<see cref="RepositoryLock"/>): no other run writes its evidence or build state then.</summary>
    public bool HoldsRepositoryLock { get; internal set; }

    /// <summary>Told when each target starts and ends (a CI host's log sections); none by default.</summary>
    protected internal virtual ITargetObserver? TargetObserver => null;

    /// <summary>Called once after the run (also after a failure, an abort or bad input once the root is known).</summary>
    protected internal virtual Task OnBuildFinishedAsync(BuildReport report) => Task.CompletedTask;
}
