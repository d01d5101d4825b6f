namespace Tollgate.Tests.Deploy;

/// <summary>A repository's build that deploys.</summary>
public sealed class DeployBuild : TollgateBuild, IDeploy;
