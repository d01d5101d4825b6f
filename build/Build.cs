using Tollgate;

/// <summary>Tollgate's own build: the standard gates, run on Tollgate itself.</summary>
internal sealed class Build : TollgateBuild, IStandardGates
{
    public static int Main(string[] args) => Execute<Build>(args, x => ((ITest)x).Test);
}
