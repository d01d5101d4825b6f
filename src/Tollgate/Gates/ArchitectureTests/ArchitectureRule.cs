using Tollgate.Tools.Assemblies;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>A rule over the types of the checked assemblies.</summary>
/// <param name="Name">The rule's name, as violations and evidence show it.</param>
internal abstract record ArchitectureRule(string Name)
{
    /// <summary>Every violation of the rule among <paramref name="types"/>.</summary>
    public abstract IEnumerable<ArchitectureViolation> Check(IReadOnlyList<TypeDependencies> types);

    /// <summary>The patterns that must each match a type, or the rule checks nothing: a pattern that matches none is a mistake, not a pass.</summary>
    protected virtual IEnumerable<TypeSet> Subjects => [];

    /// <summary>The patterns of what the rule forbids depending on: each must match a type read or a type one depends on, or the rule can never fail.</summary>
    protected virtual IEnumerable<TypeSet> Targets => [];

    /// <summary>
    /// Every violation, one for each of the rule's subject patterns that matches no type of <paramref name="types"/>, and one
    /// for each target pattern that matches neither such a type nor any type they depend on.
    /// </summary>
    public IEnumerable<ArchitectureViolation> Evaluate(IReadOnlyList<TypeDependencies> types) =>
        Check(types)
            .Concat(Subjects.SelectMany(s => s.Patterns).DistinctBy(p => p.ToString()).Where(p => !types.Any(p.Matches)).Select(p => new ArchitectureViolation(
                Name, p.ToString(), "(no type)", "pattern", $"pattern '{p}' of rule '{Name}' matches no type of the assemblies read; fix the pattern or remove it")))
            .Concat(Targets.SelectMany(s => s.Patterns).DistinctBy(p => p.ToString())
                .Where(p => !types.Any(p.Matches) && !types.SelectMany(t => t.Dependencies).Any(d => p.MatchesName(d.Target)))
                .Select(p => new ArchitectureViolation(
                    Name, p.ToString(), "(no type)", "pattern",
                    $"pattern '{p}' of rule '{Name}' matches no type of the assemblies read nor any type they depend on, so the rule can never fail; fix the pattern or remove it")));

    /// <summary>Every dependency of the types in <paramref name="from"/> on a type in <paramref name="to"/>, each target once per type (the first member found).</summary>
    protected static IEnumerable<(TypeDependencies Type, TypeDependency Dependency)> Dependencies(
        IReadOnlyList<TypeDependencies> types, Func<TypeDependencies, bool> from, Func<string, bool> to) =>
        types.Where(from).SelectMany(type => type.Dependencies
            .Where(d => to(d.Target))
            .GroupBy(d => d.Target)
            .Select(g => (type, g.OrderBy(d => d.Member, StringComparer.Ordinal).First())));

    /// <summary>The types by full name.</summary>
    protected static IReadOnlyDictionary<string, TypeDependencies> ByName(IReadOnlyList<TypeDependencies> types) =>
        types.GroupBy(t => t.Type).ToDictionary(g => g.Key, g => g.First());
}

/// <summary>A named layer: the types its patterns match.</summary>
internal sealed record Layer(string Name, TypeSet Types);

/// <summary>Ordered layers, top first: a layer may depend on the layers below it, never on one above.</summary>
internal sealed record LayersRule(string Name, IReadOnlyList<Layer> Layers) : ArchitectureRule(Name)
{
    /// <inheritdoc />
    protected override IEnumerable<TypeSet> Subjects => Layers.Select(l => l.Types);

    /// <inheritdoc />
    public override IEnumerable<ArchitectureViolation> Check(IReadOnlyList<TypeDependencies> types)
    {
        var known = ByName(types);
        var layerOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int LayerOf(string name)
        {
            if (!layerOf.TryGetValue(name, out var layer))
            {
                layer = Layers.ToList().FindIndex(l => l.Types.ContainsName(name, known));
                layerOf[name] = layer;
            }

            return layer;
        }

        foreach (var type in types)
        {
            var own = LayerOf(type.Type);
            if (own < 0)
            {
                continue;
            }

            foreach (var (_, dependency) in Dependencies([type], _ => true, target => LayerOf(target) is var layer && layer >= 0 && layer < own))
            {
                var above = Layers[LayerOf(dependency.Target)].Name;
                yield return new ArchitectureViolation(Name, type.Type, dependency.Target, dependency.Member,
                    $"{type.Type} (layer {Layers[own].Name}) depends on {dependency.Target} (layer {above}, above it) in {dependency.Member}");
            }
        }
    }
}

/// <summary>Types matching <see cref="From"/> must not depend on types matching <see cref="To"/>.</summary>
internal sealed record ForbiddenRule(string Name, TypeSet From, TypeSet To) : ArchitectureRule(Name)
{
    /// <inheritdoc />
    protected override IEnumerable<TypeSet> Subjects => [From];

    /// <inheritdoc />
    protected override IEnumerable<TypeSet> Targets => [To];

    /// <inheritdoc />
    public override IEnumerable<ArchitectureViolation> Check(IReadOnlyList<TypeDependencies> types)
    {
        var known = ByName(types);
        return Dependencies(types, From.Contains, target => To.ContainsName(target, known) && !From.ContainsName(target, known))
            .Select(x => new ArchitectureViolation(Name, x.Type.Type, x.Dependency.Target, x.Dependency.Member,
                $"{x.Type.Type} depends on {x.Dependency.Target} in {x.Dependency.Member}, which rule '{Name}' forbids"));
    }
}

/// <summary>Types matching <see cref="Types"/> (by name) or deriving from <see cref="BaseTypes"/> reside only in <see cref="In"/>.</summary>
internal sealed record PlacementRule(string Name, TypeSet? Types, TypeSet? BaseTypes, TypeSet In) : ArchitectureRule(Name)
{
    /// <inheritdoc />
    protected override IEnumerable<TypeSet> Subjects => Types is null ? [] : [Types];

    /// <inheritdoc />
    public override IEnumerable<ArchitectureViolation> Check(IReadOnlyList<TypeDependencies> types) => types
        .Where(t => (Types?.Contains(t) ?? false) || (BaseTypes is not null && t.BaseTypes.Any(b => BaseTypes.Patterns.Any(p => p.MatchesName(b)))))
        .Where(t => !In.Contains(t))
        .Select(t => new ArchitectureViolation(Name, t.Type, In.ToString(), "placement", $"{t.Type} resides in {t.Namespace}, but rule '{Name}' puts such types only in {In}"));
}

/// <summary>
/// No cycles between slices: with <c>Ns.*</c>, every namespace directly below <c>Ns</c> (with what lies
/// below it) is a slice, and no two slices may depend on each other in a cycle.
/// </summary>
internal sealed record NoCyclesRule(string Name, string Slices) : ArchitectureRule(Name)
{
    /// <inheritdoc />
    public override IEnumerable<ArchitectureViolation> Check(IReadOnlyList<TypeDependencies> types)
    {
        var prefix = Slices.EndsWith(".*", StringComparison.Ordinal) ? Slices[..^1] : Slices + ".";
        string? SliceOf(string name)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var rest = name[prefix.Length..];
            var end = rest.IndexOfAny(['.', '+']);
            return end < 0 ? null : prefix + rest[..end]; // a type directly in the prefix namespace is in no slice
        }

        var edges = new Dictionary<(string From, string To), (TypeDependencies Type, TypeDependency Dependency)>();
        foreach (var type in types)
        {
            if (SliceOf(type.Type) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies.OrderBy(d => d.Target, StringComparer.Ordinal).ThenBy(d => d.Member, StringComparer.Ordinal))
            {
                if (SliceOf(dependency.Target) is { } to && to != from)
                {
                    edges.TryAdd((from, to), (type, dependency));
                }
            }
        }

        foreach (var component in StronglyConnected(edges.Keys).Where(c => c.Count > 1))
        {
            var cycle = string.Join(" ⇄ ", component.Order(StringComparer.Ordinal));
            foreach (var ((from, to), (type, dependency)) in edges.Where(e => component.Contains(e.Key.From) && component.Contains(e.Key.To)).OrderBy(e => e.Key.From, StringComparer.Ordinal))
            {
                yield return new ArchitectureViolation(Name, type.Type, dependency.Target, dependency.Member,
                    $"{type.Type} depends on {dependency.Target} in {dependency.Member}, closing a cycle between {cycle}");
            }
        }
    }

    // Tarjan's algorithm.
    private static List<HashSet<string>> StronglyConnected(IEnumerable<(string From, string To)> edges)
    {
        var graph = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());
        var nodes = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new HashSet<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;
    }
}
