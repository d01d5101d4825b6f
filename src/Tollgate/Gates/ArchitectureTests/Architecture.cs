using System.Reflection;
using Tollgate.Gates.ArchitectureTests;
using Tollgate.Tools.Assemblies;

namespace Tollgate;

/// <summary>
/// The rule engine as a fluent API, for teams that keep architecture rules as tests:
/// <code>
/// Architecture.Of(typeof(Order).Assembly)
///     .Layers("onion", ("Api", "Shop.Api.**"), ("Application", "Shop.Application.**"), ("Domain", "Shop.Domain.**"))
///     .Forbid("domain is pure", from: "Shop.Domain.**", to: "Shop.Infrastructure.**")
///     .Place("controllers in api", types: "*Controller", inside: "Shop.Api.**")
///     .NoCycles("modules", slices: "Shop.Modules.*")
///     .AssertNone();
/// </code>
/// </summary>
public sealed class Architecture
{
    private readonly List<ArchitectureRule> rules = [];

    private Architecture(IReadOnlyList<TypeDependencies> types) => Types = types;

    /// <summary>The types checked.</summary>
    internal IReadOnlyList<TypeDependencies> Types { get; }

    /// <summary>The rules added so far.</summary>
    internal IReadOnlyList<ArchitectureRule> Rules => rules;

    /// <summary>The types of loaded assemblies (read from their files).</summary>
    public static Architecture Of(params Assembly[] assemblies) => Of(assemblies.Select(a => a.Location).ToArray());

    /// <summary>The types of the assemblies at these paths.</summary>
    public static Architecture Of(params string[] assemblyPaths) => new(assemblyPaths.SelectMany(AssemblyDependencyReader.Read).ToList());

    /// <summary>Ordered layers, top first.</summary>
    public Architecture Layers(string name, params (string Layer, string Pattern)[] layers) =>
        Add(new LayersRule(name, layers.Select(l => new Layer(l.Layer, TypeSet.Of(l.Pattern))).ToList()));

    /// <summary>Types in <paramref name="from"/> must not depend on types in <paramref name="to"/>.</summary>
    public Architecture Forbid(string name, string from, string to) => Add(new ForbiddenRule(name, TypeSet.Of(from), TypeSet.Of(to)));

    /// <summary>Types named like <paramref name="types"/> reside only in <paramref name="inside"/>.</summary>
    public Architecture Place(string name, string types, string inside) => Add(new PlacementRule(name, TypeSet.Of(types), null, TypeSet.Of(inside)));

    /// <summary>No cycles between the slices of <paramref name="slices"/> (<c>Ns.*</c>).</summary>
    public Architecture NoCycles(string name, string slices) => Add(new NoCyclesRule(name, slices));

    /// <summary>Adds any rule.</summary>
    internal Architecture Add(ArchitectureRule rule)
    {
        rules.Add(rule);
        return this;
    }

    /// <summary>Every violation of every rule, in rule order.</summary>
    internal IReadOnlyList<ArchitectureViolation> Violations() => rules.SelectMany(r => r.Evaluate(Types)).ToList();

    /// <summary>Every violation of every rule as one line each (<c>[rule] message</c>), in rule order; empty when the architecture holds.</summary>
    public IReadOnlyList<string> Check() => Violations().Select(v => $"[{v.Rule}] {v.Message}").ToList();

    /// <summary>Throws an <see cref="ArchitectureException"/> listing every violation, if there is one.</summary>
    public void AssertNone()
    {
        var violations = Violations();
        if (violations.Count > 0)
        {
            throw new ArchitectureException(violations);
        }
    }
}

/// <summary>Thrown by <see cref="Architecture.AssertNone"/>: its message lists every violation.</summary>
public sealed class ArchitectureException : Exception
{
    internal ArchitectureException(IReadOnlyList<ArchitectureViolation> violations)
        : base($"{violations.Count} architecture violation{(violations.Count == 1 ? "" : "s")}:\n" + string.Join("\n", violations.Select(v => $"- [{v.Rule}] {v.Message}")))
    {
        Violations = violations.Select(v => $"[{v.Rule}] {v.Message}").ToList();
    }

    /// <summary>The violations, one line each: <c>[rule] message</c>.</summary>
    public IReadOnlyList<string> Violations { get; }
}
