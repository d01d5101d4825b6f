namespace Tollgate.Tests.Architecture;

public sealed class LayeredBuild : TollgateBuild, IArchitectureTests;
