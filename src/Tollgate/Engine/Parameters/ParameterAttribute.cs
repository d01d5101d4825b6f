namespace Tollgate;

/// <summary>
/// Marks a field or property (of the build or of a component interface) as a parameter, set by
/// <c>--kebab-case</c> arguments, environment variables, <c>.nuke/parameters.json</c> or a profile.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    /// <summary>One line shown by <c>--help</c> and written into the schema.</summary>
    public string? Description { get; } = description;

    /// <summary>The parameter's name when it differs from the member's, e.g. <c>MergeEvidence</c> (<c>--merge-evidence</c>) for a member beside a target of that name.</summary>
    public string? Name { get; init; }
}
