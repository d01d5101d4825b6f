using Tollgate.Deploy;

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
    /// <summary>Deploys.</summary>
    Target Deploy => _ => _
        .Description("Deploy the version the evidence bundle (--evidence) proves to --env")
        .Requires(() => this.Read(() => Env) != null, "--env")
        .Requires(() => this.Read(() => Env) is null || DeployEnvironment.IsValidName(this.Read(() => Env)!), () => $"--env to be lower-case letters, digits and dashes (e.g. prod); '{this.Read(() => Env)}' is not")
        .Requires(() => StandardGates.Checked(this.Read(() => RequiredGates)).Count >= 0, "--required-gates to name gates") // a name that is no gate (Package) is bad input before anything runs
        .Executes(context => RunDeploymentAsync(context, rollback: false));

    /// <summary>Rolls back.</summary>
    Target Rollback => _ => _
        .Description("Return --env to its previous deployment")
        .Requires(() => this.Read(() => Env) != null, "--env")
        .Requires(() => this.Read(() => Env) is null || DeployEnvironment.IsValidName(this.Read(() => Env)!), () => $"--env to be lower-case letters, digits and dashes (e.g. prod); '{this.Read(() => Env)}' is not")
        .Executes(context => RunDeploymentAsync(context, rollback: true));

    private Task RunDeploymentAsync(TargetContext context, bool rollback) => GateTarget.RunAsync(this, context, DeployStep.Name, () =>
    {
        // The deployment's own evidence goes beside the build bundle it promotes, never over it.
        var name = this.Read(() => Env)!;
        RunEvidence.Retarget(ArtifactsDirectory / "deployments" / name / "evidence");
        var inputs = new DeployInputs
        {
            Root = RootDirectory,
            EnvironmentName = name,
            Rollback = rollback,
            ApprovedBy = this.Read(() => ApprovedBy),
            Variables = EnvironmentVariables,
            Terminal = Terminal,
            Evidence = this.Read(() => Evidence),
            RequiredGates = StandardGates.Checked(this.Read(() => RequiredGates)),
            Head = async cancellation => (await GitFactsAsync(cancellation).ConfigureAwait(false)).Commit,
        };
        return new DeployStep(ProcessRunner, RunEvidence, context.Log.Info, context.Log.Always, context.Log.Warn).RunAsync(inputs, context.Cancellation);
    });
}
