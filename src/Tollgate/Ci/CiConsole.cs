using Tollgate.Engine;

namespace Tollgate.Ci;

/// <summary>
/// Renders a run in the CI host's own forms: log sections per target while it runs, then annotations,
/// summaries and report hooks from the written evidence. The evidence itself is the same everywhere;
/// only these renderings differ by host.
/// </summary>
internal abstract class CiConsole(BuildLog log) : ITargetObserver
{
    /// <summary>The build's log, which masks secrets in everything written.</summary>
    protected BuildLog Log { get; } = log;

    /// <summary>The console of the host named <paramref name="host"/>.</summary>
    public static CiConsole For(string host, BuildLog log, IReadOnlyDictionary<string, string> environment) => host switch
    {
        CiHostName.GitHubActions => new GitHubConsole(log, environment),
        CiHostName.GitLabCi => new GitLabConsole(log, () => DateTimeOffset.UtcNow),
        CiHostName.AzurePipelines => new AzureConsole(log),
        CiHostName.TeamCity => new TeamCityConsole(log),
        CiHostName.BitbucketPipelines => new BitbucketConsole(log),
        _ => new PlainConsole(log),
    };

    /// <inheritdoc />
    public virtual void Starting(string target)
    {
    }

    /// <inheritdoc />
    public virtual void Finished(TargetResult result)
    {
    }

    /// <summary>Publishes the finished run's evidence in the host's forms.</summary>
    public abstract void Publish(CiPublication publication);
}

/// <summary>Hosts that read reports from files only (Jenkins, CircleCI, a local run): nothing extra on the console.</summary>
internal sealed class PlainConsole(BuildLog log) : CiConsole(log)
{
    /// <inheritdoc />
    public override void Publish(CiPublication publication)
    {
    }
}
