using Tollgate.Deploy;
using Tollgate.Evidence;
using Tollgate.Tools.Docker;

namespace Tollgate;

/// <summary>
/// Deploys the version a verified evidence bundle proves to an environment of <c>.nuke/environments.json</c>
/// (docker, gitops or command), approved, one at a time per environment, health-checked, undone when the
/// check fails; and rolls an environment back to its previous deployment. Every deployment and rollback is
/// recorded in the environment's history and in this run's evidence (<c>artifacts/deployments/&lt;env&gt;/</c>,
/// so the build bundle it promotes stays as it was).
/// </summary>
public interface IDeploy : IVerify
{
    /// <summary>The environment.</summary>
    [Parameter("The environment to deploy to or roll back (declared in .nuke/environments.json)")]
    string? Env => this.ValueOf(() => Env, null);

    /// <summary>Who approved a deployment to an environment that needs approval (run locally).</summary>
    [Parameter("Who approved this deployment (needed locally for environments that require approval)")]
    string? ApprovedBy => this.ValueOf(() => ApprovedBy, null);

    /// <summary>The name of Deploy's and Rollback's result in the evidence.</summary>
    const string StepName = "Deploy";

    /// <summary>Deploys.</summary>
    Target Deploy => _ => _
        .Description("Deploy the version the evidence bundle (--evidence) proves to --env")
        .Requires(() => this.Read(() => Env) != null, "--env")
        .Requires(() => this.Read(() => Env) is null || DeployEnvironment.IsValidName(this.Read(() => Env)!), () => $"--env to be lower-case letters, digits and dashes (e.g. prod); '{this.Read(() => Env)}' is not")
        .Executes(context => RunDeploymentAsync(context, rollback: false));

    /// <summary>Rolls back.</summary>
    Target Rollback => _ => _
        .Description("Return --env to its previous deployment")
        .Requires(() => this.Read(() => Env) != null, "--env")
        .Requires(() => this.Read(() => Env) is null || DeployEnvironment.IsValidName(this.Read(() => Env)!), () => $"--env to be lower-case letters, digits and dashes (e.g. prod); '{this.Read(() => Env)}' is not")
        .Executes(context => RunDeploymentAsync(context, rollback: true));

    private Task RunDeploymentAsync(TargetContext context, bool rollback) => GateTarget.RunAsync(this, context, StepName, async () =>
    {
        // The deployment's own evidence goes beside the build bundle it promotes, never over it.
        RunEvidence.Retarget(ArtifactsDirectory / "deployments" / this.Read(() => Env)! / "evidence");
        var nuke = RootDirectory / ".nuke";
        DeploySchema.WriteTo(nuke);
        var environment = EnvironmentsFile.Read(nuke / EnvironmentsFile.FileName, ".nuke/" + EnvironmentsFile.FileName, this.Read(() => Env)!);
        var action = rollback ? "Rollback" : "Deploy";
        var approval = Approval.Obtain(environment, action, this.Read(() => ApprovedBy), EnvironmentVariables, Terminal, text => context.Log.Always(text));
        var localHistory = RootDirectory / environment.History;
        using var _ = EnvironmentLock.Acquire(
            (RootDirectory / ".nuke" / "deployments" / $"{environment.Name}.lock"), environment.Name, $"{approval.By} ({System.Environment.MachineName}, process {System.Environment.ProcessId})");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var probe = new HealthProbe(ProcessRunner, http, RootDirectory);
        using var engine = new DockerEngine(environment.Docker?.Socket ?? DockerEngine.DefaultSocket(EnvironmentVariables));
        IDeployStrategy strategy = environment.Strategy switch
        {
            "docker" => new DockerStrategy(engine, probe, line => context.Log.Info(line)),
            "gitops" => new GitOpsStrategy(ProcessRunner, probe, RootDirectory / ".nuke" / "temp" / "deploy", line => context.Log.Info(line)),
            _ => new CommandStrategy(ProcessRunner, probe),
        };
        var history = environment.Strategy == "gitops" ? [] : DeploymentHistory.Read(localHistory);
        DeploymentRecord record;
        DeployOutcome outcome;
        if (rollback)
        {
            var known = environment.Strategy == "gitops" ? await GitOpsHistoryAsync(environment, context.Cancellation).ConfigureAwait(false) : history;
            var previous = DeploymentHistory.Previous(known)
                ?? throw new InvalidDataException($"{environment.Name} has no previous deployment to return to (history: {known.Count} record(s)).");
            var request = new DeployRequest(environment, previous.Version, previous.Commit, null, RootDirectory, approval, known);
            outcome = await strategy.RollbackAsync(request, previous, context.Cancellation).ConfigureAwait(false);
            record = request.Record("rollback", previous.Version, previous.Commit, outcome.Outcome, outcome.Health, outcome.Detail);
        }
        else
        {
            var head = (await GitFactsAsync(context.Cancellation).ConfigureAwait(false)).Commit
                ?? throw new InvalidDataException("git cannot read HEAD here, so the evidence cannot be matched to the commit it proves; deploy from a git checkout of the built commit.");
            var promoted = PromotedBuild.From(this.Read(() => Evidence), head, environment.Docker?.Image, StandardGates.Checked(this.Read(() => RequiredGates)));
            RunEvidence.WriteFile("promoted-manifest.json", File.ReadAllText(this.Read(() => Evidence) / Manifest.FileName));
            var request = new DeployRequest(environment, promoted.Version, promoted.Commit, promoted.Image, RootDirectory, approval, history);
            context.Log.Info($"Deploying {promoted.Version} ({promoted.Commit[..12]}) to {environment.Name} with {environment.Strategy}");
            outcome = await strategy.DeployAsync(request, context.Cancellation).ConfigureAwait(false);
            record = request.Record("deploy", promoted.Version, promoted.Commit, outcome.Outcome, outcome.Health, outcome.Detail);
        }

        if (!outcome.HistoryWritten)
        {
            DeploymentHistory.Append(localHistory, record);
        }

        RunEvidence.Version = record.Version;
        RunEvidence.WriteFile("deployment.json", EvidenceJson.Serialize(record));
        var headline = $"{record.Version} → {environment.Name} ({environment.Strategy}): {record.Outcome}";
        context.Log.Always($"{action} {headline}. {record.Detail}{(record.Health is null ? "" : $"; health: {record.Health}")}");
        var reasons = record.Outcome == "succeeded" ? new List<string>() : [$"{action.ToLowerInvariant()} {record.Outcome}: {record.Detail}{(record.Health is null ? "" : $" ({record.Health})")}"];
        return new GateResult(
            StepName, reasons.Count == 0 ? GateStatus.Passed : GateStatus.Failed, headline, reasons,
            new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, string> { ["strategy"] = environment.Strategy },
            [new Finding(rollback ? "rollback" : "deployment", record.Detail ?? "", Rule: environment.Name, Detail: record.Health)]);
    });

    private async Task<IReadOnlyList<DeploymentRecord>> GitOpsHistoryAsync(DeployEnvironment environment, CancellationToken cancellation)
    {
        var target = environment.GitOps!;
        var source = Uri.TryCreate(target.Repository, UriKind.Absolute, out var uri) && !uri.IsFile ? target.Repository : Path.GetFullPath(target.Repository, RootDirectory);
        var scratch = RootDirectory / ".nuke" / "temp" / "deploy" / $"{environment.Name}-history";
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        var clone = await ProcessRunner.RunAsync(
            new ProcessSpec("git", ["clone", "--quiet", "--depth", "1", "--branch", target.Branch, source, scratch], RootDirectory, TimeSpan.FromMinutes(5)), cancellation).ConfigureAwait(false);
        if (!clone.Succeeded)
        {
            throw new InvalidDataException($"git clone {target.Repository} failed: {clone.Error.Trim().Split('\n')[0]}");
        }

        return DeploymentHistory.Read(Path.Combine(scratch, environment.History));
    }
}
