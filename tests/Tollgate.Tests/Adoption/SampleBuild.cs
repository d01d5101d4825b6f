namespace Tollgate.Tests.Adoption;

/// <summary>What a consuming repository with the built gates writes.</summary>
public sealed class SampleBuild : TollgateBuild, ILint, ICoverage, IVerify;
