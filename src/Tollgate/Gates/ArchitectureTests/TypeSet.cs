using Tollgate.Tools.Assemblies;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>Several patterns; a type belongs when any matches.</summary>
internal sealed class TypeSet(IReadOnlyList<TypePattern> patterns)
{
    /// <summary>Parses the patterns.</summary>
    public static TypeSet Of(params string[] patterns) => new(patterns.Select(TypePattern.Parse).ToList());

    /// <summary>The patterns.</summary>
    public IReadOnlyList<TypePattern> Patterns { get; } = patterns;

    /// <summary>True when a pattern matches the type.</summary>
    public bool Contains(TypeDependencies type) => Patterns.Any(p => p.Matches(type));

    /// <summary>True when a pattern matches the full name (assembly patterns look the name up in <paramref name="known"/>).</summary>
    public bool ContainsName(string fullName, IReadOnlyDictionary<string, TypeDependencies> known) =>
        known.TryGetValue(fullName, out var type) ? Contains(type) : Patterns.Any(p => p.MatchesName(fullName));

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", Patterns);
}
