using Tollgate;

/// <summary>Tollgate's own build: the standard gates, run on Tollgate itself.</summary>
internal sealed class Build : TollgateBuild, IStandardGates
{
    public static int Main(string[] args) => Execute<Build>(args, x => ((ITest)x).Test);

    /// <summary>What the tests need beyond the SDK (dockerd, docker-registry, a static busybox, git), installed when missing.</summary>
    Target TestPrerequisites => _ => _
        .Description("Install what Tollgate's tests need beyond the .NET SDK (as root with apt-get), or name it")
        .Executes(context => global::TestPrerequisites.EnsureAsync(this, context));

    /// <summary>The tests, after their prerequisites: so `./build.sh Test` alone passes on a fresh machine.</summary>
    Target ITest.Test => _ => _
        .Inherit<ITest>()
        .DependsOn(TestPrerequisites);
}
