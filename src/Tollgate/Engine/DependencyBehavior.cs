namespace Tollgate;

/// <summary>What happens to a skipped target's dependencies.</summary>
public enum DependencyBehavior
{
    /// <summary>They run anyway (the default).</summary>
    Execute,

    /// <summary>They are skipped too, unless another target that runs needs them.</summary>
    Skip,
}
