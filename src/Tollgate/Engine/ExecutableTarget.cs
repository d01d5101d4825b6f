namespace Tollgate.Engine;

/// <summary>A target of a build, its definition evaluated and its references resolved.</summary>
internal sealed class ExecutableTarget
{
    internal ExecutableTarget(string name, Type declaringType, TargetDefinition definition)
    {
        Name = name;
        DeclaringType = declaringType;
        Definition = definition;
    }

    /// <summary>The target's name: its property's name.</summary>
    public string Name { get; }

    /// <summary>The build class or component interface that declares it.</summary>
    public Type DeclaringType { get; }

    /// <summary>Its one-line description, if it has one.</summary>
    public string? Description => Definition.DescriptionText;

    /// <summary>Targets that run first and must not fail.</summary>
    public IReadOnlyList<ExecutableTarget> Dependencies { get; internal set; } = [];

    /// <summary>Targets this one runs after when both are planned.</summary>
    public IReadOnlyList<ExecutableTarget> After { get; internal set; } = [];

    /// <summary>Targets this one runs before when both are planned.</summary>
    public IReadOnlyList<ExecutableTarget> Before { get; internal set; } = [];

    /// <summary>Targets planned after this one whenever it is planned.</summary>
    public IReadOnlyList<ExecutableTarget> Triggers { get; internal set; } = [];

    /// <summary>Artifact paths it produces.</summary>
    public IReadOnlyList<string> Produces => Definition.Artifacts;

    /// <summary>True when it has no actions of its own: an aggregate like <c>Ci</c>.</summary>
    public bool IsCollective => Definition.Actions.Count == 0;

    /// <summary>The build goes on after this target fails.</summary>
    public bool ProceedsAfterFailure => Definition.Proceeds;

    /// <summary>Runs even after a failure or an abort.</summary>
    public bool IsAssured => Definition.Assured;

    /// <summary>Runs without writing an evidence bundle.</summary>
    public bool LeavesEvidenceAlone => Definition.WithoutEvidence;

    internal TargetDefinition Definition { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
