namespace Tollgate.Tests.Engine;

/// <summary>A component with a chain its users want to put their own targets into.</summary>
public interface IChainComponent : IParameterProvider
{
    List<string> Journal { get; }

    Target Build => _ => _.Executes(() => Journal.Add("Build"));

    Target Check => _ => _.DependsOn(Build).Executes(() => Journal.Add("Check"));

    Target Report => _ => _.DependsOn(Check).Executes(() => Journal.Add("Report"));
}

/// <summary>A component the relation builds do not implement.</summary>
public interface IAbsentComponent : IParameterProvider
{
    Target Elsewhere => _ => _.Executes(() => { });
}

/// <summary>Targets of the build's own put between, after and before a component's, and one component target inherited by name.</summary>
public sealed class RelationBuild : BuildBase, IChainComponent
{
    public List<string> Journal { get; } = [];

    // Between Check and Report, without overriding Report.
    Target Enrich => _ => _
        .DependsOn<IChainComponent>(x => x.Check)
        .DependentFor<IChainComponent>(x => x.Report)
        .Executes(() => Journal.Add("Enrich"));

    // Planned whenever Check is.
    Target Announce => _ => _.TriggeredBy<IChainComponent>(x => x.Check).Executes(() => Journal.Add("Announce"));

    // Orders against a component the build does not have: nothing happens, and no error.
    Target Loose => _ => _
        .TryAfter<IAbsentComponent>(x => x.Elsewhere)
        .TryBefore<IAbsentComponent>(x => x.Elsewhere)
        .TryDependsOn<IAbsentComponent>(x => x.Elsewhere)
        .TryAfter<IChainComponent>(x => x.Report)
        .Executes(() => Journal.Add("Loose"));

    Target Early => _ => _.TryBefore<IChainComponent>(x => x.Build).Executes(() => Journal.Add("Early"));

    Target Both => _ => _.DependsOn(Loose).DependsOn<IChainComponent>(x => x.Report);

    Target IChainComponent.Build => _ => _.Inherit<IChainComponent>().Executes(() => Journal.Add("AfterBuild"));
}

/// <summary>Skipping a target with <c>WhenSkipped(Skip)</c> takes the dependencies only it needs along.</summary>
public sealed class SkippingBuild : BuildBase
{
    Target Restore => _ => _.Executes(() => { });

    Target Setup => _ => _.DependsOn(Restore).Executes(() => { });

    Target Shared => _ => _.Executes(() => { });

    Target Heavy => _ => _.DependsOn(Setup, Shared).WhenSkipped(DependencyBehavior.Skip).Executes(() => { });

    Target Light => _ => _.DependsOn(Shared).Executes(() => { });

    Target Plain => _ => _.DependsOn(Setup).Executes(() => { });

    Target All => _ => _.DependsOn(Heavy, Light);

    Target AllPlain => _ => _.DependsOn(Plain, Light);
}

public sealed class WrongInheritBuild : BuildBase, IChainComponent
{
    public List<string> Journal { get; } = [];

    Target Mine => _ => _.Inherit<IChainComponent>();
}
