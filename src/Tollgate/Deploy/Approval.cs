using Tollgate.Ci;

namespace Tollgate.Deploy;

/// <summary>Who runs a deployment and who approved it.</summary>
/// <param name="By">Who runs it.</param>
/// <param name="ApprovedBy">Who approved it (null when the environment needs no approval).</param>
/// <param name="Run">The CI run, on a CI host.</param>
internal sealed record Approval(string By, string? ApprovedBy, string? Run)
{
    private static readonly (string Host, string[] Users)[] Actors =
    [
        (CiHostName.GitHubActions, ["GITHUB_TRIGGERING_ACTOR", "GITHUB_ACTOR"]),
        (CiHostName.GitLabCi, ["GITLAB_USER_LOGIN"]),
        (CiHostName.AzurePipelines, ["BUILD_REQUESTEDFOR"]),
        (CiHostName.Jenkins, ["BUILD_USER_ID", "BUILD_USER"]),
        (CiHostName.TeamCity, ["BUILD_TRIGGEREDBY_USERNAME"]),
        (CiHostName.BitbucketPipelines, ["BITBUCKET_STEP_TRIGGERER_UUID"]),
        (CiHostName.CircleCi, ["CIRCLE_USERNAME"]),
    ];

    /// <summary>
    /// On a CI host, the approval is the host's protected environment: the run's user and page are recorded.
    /// Locally an environment that needs approval needs <paramref name="approvedBy"/> and a person confirming on
    /// a terminal (typing the environment's name); without a terminal it fails rather than waits.
    /// </summary>
    /// <exception cref="InvalidOperationException">The approval is missing; the message says what to give.</exception>
    public static Approval Obtain(
        DeployEnvironment environment, string action, string? approvedBy, IReadOnlyDictionary<string, string> variables, TextReader? terminal, Action<string> prompt)
    {
        var host = CiHost.Detect(variables);
        if (host.Name is not (CiHostName.Local or CiHostName.Generic))
        {
            var user = Actors.Where(a => a.Host == host.Name).SelectMany(a => a.Users)
                .Select(v => variables.TryGetValue(v, out var value) && value.Length > 0 ? value : null).FirstOrDefault(v => v is not null) ?? "unknown";
            var run = host.Details.TryGetValue("url", out var url) ? url : host.Details.TryGetValue("buildNumber", out var number) ? $"{host.Name} #{number}" : host.Name;
            return new Approval(user, environment.Approval ? approvedBy ?? $"{user} ({host.Name} protected environment)" : approvedBy, run);
        }

        var local = variables.TryGetValue("USER", out var name) && name.Length > 0 ? name : System.Environment.UserName;
        if (!environment.Approval)
        {
            return new Approval(local, approvedBy, null);
        }

        if (approvedBy is null)
        {
            throw new InvalidOperationException($"{action} to {environment.Name} needs approval: pass --approved-by <name> (on CI, the host's protected environment approves).");
        }

        if (terminal is null)
        {
            throw new InvalidOperationException($"{action} to {environment.Name} needs a person to confirm on a terminal, and there is none (input is redirected); run it from a terminal, or from CI's protected environment.");
        }

        prompt($"{action} to {environment.Name}, approved by {approvedBy}. Type '{environment.Name}' to go on: ");
        var answer = terminal.ReadLine()?.Trim();
        if (answer != environment.Name)
        {
            throw new InvalidOperationException($"{action} to {environment.Name} was not confirmed (typed '{answer}').");
        }

        return new Approval(local, approvedBy, null);
    }
}
