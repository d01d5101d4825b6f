namespace Tollgate.Tests.Engine;

/// <summary>A component the sample builds share, with a target and a parameter of its own.</summary>
public interface ISampleComponent : IParameterProvider
{
    List<string> Journal { get; }

    [Parameter("A component parameter")]
    string Flavour => this.ValueOf(() => Flavour, "plain");

    Target Restore => _ => _.Description("Restore").Executes(() => Journal.Add("Restore"));

    Target Compile => _ => _.DependsOn(Restore).Executes(() => Journal.Add("Compile:" + Flavour));
}

public interface IOtherComponent : IParameterProvider
{
    Target Restore => _ => _.Executes(() => { });
}

/// <summary>A build with every relation the planner and executor know.</summary>
public sealed class SampleBuild : BuildBase, ISampleComponent
{
    public List<string> Journal { get; } = [];

    public Func<string, bool> Fails { get; set; } = _ => false;

    Target Pack => _ => _.DependsOn<ISampleComponent>(x => x.Compile).Executes(() => Run("Pack"));

    Target UnitTests => _ => _.DependsOn<ISampleComponent>(x => x.Compile).ProceedAfterFailure().Executes(() => Run("UnitTests"));

    Target Lint => _ => _.DependsOn<ISampleComponent>(x => x.Compile).ProceedAfterFailure().Executes(() => Run("Lint"));

    Target Report => _ => _.DependsOn(UnitTests).Executes(() => Run("Report"));

    Target All => _ => _.DependsOn(UnitTests, Lint, Report);

    Target Clean => _ => _.Before<ISampleComponent>(x => x.Restore).Executes(() => Run("Clean"));

    Target Notify => _ => _.AssuredAfterFailure().After(Pack, UnitTests, Lint, Report).Executes(() => Run("Notify"));

    Target Publish => _ => _.DependsOn(Pack).Triggers(Notify).Executes(() => Run("Publish"));

    Target Maybe => _ => _.OnlyWhen(() => Journal.Count > 100).Executes(() => Run("Maybe"));

    Target Guarded => _ => _.Requires(() => Journal.Count > 100).Executes(() => Run("Guarded"));

    private void Run(string name)
    {
        Journal.Add(name);
        if (Fails(name))
        {
            throw new TargetFailedException($"{name} broke");
        }
    }
}

public sealed class ClashingBuild : BuildBase, ISampleComponent, IOtherComponent
{
    public List<string> Journal { get; } = [];
}

public sealed class CyclicBuild : BuildBase
{
    Target A => _ => _.DependsOn(B).Executes(() => { });

    Target B => _ => _.DependsOn(C).Executes(() => { });

    Target C => _ => _.DependsOn(A).Executes(() => { });
}

public sealed class OrderCycleBuild : BuildBase
{
    Target A => _ => _.After(B).Executes(() => { });

    Target B => _ => _.After(A).Executes(() => { });

    Target Both => _ => _.DependsOn(A, B);
}

/// <summary>Replaces one component target and extends another.</summary>
public sealed class OverridingBuild : BuildBase, ISampleComponent
{
    public List<string> Journal { get; } = [];

    Target ISampleComponent.Restore => _ => _.Executes(() => Journal.Add("MyRestore"));

    Target ISampleComponent.Compile => _ => _.Inherit<ISampleComponent>(x => x.Compile).Executes(() => Journal.Add("AfterCompile"));
}
