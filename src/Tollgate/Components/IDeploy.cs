using Tollgate.Engine;

namespace Tollgate;

/// <summary>Deploys a verified version to an environment.</summary>
public interface IDeploy : ITollgateBuild
{
    /// <summary>The environment to deploy to.</summary>
    [Parameter("The environment to deploy to (dev, staging, prod)")]
    string? Env => this.ValueOf(() => Env, null);

    /// <summary>Deploys.</summary>
    Target Deploy => _ => _
        .Description("Deploy the verified version to --env")
        .Requires(() => Env != null, "--env")
        .Executes(context => GateTarget.NotImplemented(this, context, "Deploy"));
}
