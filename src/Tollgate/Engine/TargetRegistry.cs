using System.Reflection;

namespace Tollgate.Engine;

/// <summary>
/// Finds every target of a build: its own <see cref="Target"/> properties and those of every component
/// interface it implements, evaluates each definition once, and resolves the references between them.
/// </summary>
internal static class TargetRegistry
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>The targets of <paramref name="build"/>, in name order.</summary>
    public static IReadOnlyList<ExecutableTarget> Discover(object build)
    {
        var declarations = Declarations(build.GetType())
            .GroupBy(property => Names.Normalize(property.Name))
            .Select(Choose)
            .ToList();

        var byMethod = new Dictionary<System.Reflection.MethodInfo, ExecutableTarget>();
        var targets = new List<(ExecutableTarget Target, TargetDefinition Definition)>();
        foreach (var property in declarations)
        {
            var target = (Target)property.GetValue(build)!;
            var definition = new TargetDefinition(build, property.Name);
            target(definition);
            var executable = new ExecutableTarget(property.Name, property.DeclaringType!, definition);
            byMethod.TryAdd(target.Method, executable);
            targets.Add((executable, definition));
        }

        foreach (var (target, definition) in targets)
        {
            target.Dependencies = Resolve(target, definition.Dependencies, byMethod, "depends on");
            target.After = Resolve(target, definition.AfterTargets, byMethod, "runs after");
            target.Before = Resolve(target, definition.BeforeTargets, byMethod, "runs before");
            target.Triggers = Resolve(target, definition.TriggeredTargets, byMethod, "triggers");
        }

        // Reverse edges become forward ones: "A DependentFor B" is "B DependsOn A", "A TriggeredBy B" is "B Triggers A".
        foreach (var (target, definition) in targets)
        {
            foreach (var dependent in Resolve(target, definition.DependentTargets, byMethod, "is a dependency of"))
            {
                dependent.Dependencies = [.. dependent.Dependencies.Append(target).Distinct()];
            }

            foreach (var trigger in Resolve(target, definition.TriggeringTargets, byMethod, "is triggered by"))
            {
                trigger.Triggers = [.. trigger.Triggers.Append(target).Distinct()];
            }
        }

        return targets.Select(x => x.Target).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<PropertyInfo> Declarations(Type buildType)
    {
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(Instance))
            {
                // Explicit interface implementations ("Tollgate.ITest.Test") are found through their interface.
                if (property.PropertyType == typeof(Target) && !property.Name.Contains('.', StringComparison.Ordinal))
                {
                    yield return property;
                }
            }
        }

        foreach (var component in buildType.GetInterfaces())
        {
            foreach (var property in component.GetProperties(Instance))
            {
                if (property.PropertyType == typeof(Target))
                {
                    yield return property;
                }
            }
        }
    }

    private static PropertyInfo Choose(IGrouping<string, PropertyInfo> sameName)
    {
        var all = sameName.ToList();
        var onClass = all.FirstOrDefault(p => !p.DeclaringType!.IsInterface);
        if (onClass is not null)
        {
            return onClass;
        }

        // An interface that re-declares a target of an interface it extends wins over it.
        var mostDerived = all.Where(p => all.All(other => other == p || other.DeclaringType!.IsAssignableFrom(p.DeclaringType))).ToList();
        if (mostDerived.Count == 1)
        {
            return mostDerived[0];
        }

        var owners = string.Join(" and ", all.Select(p => p.DeclaringType!.Name).Order(StringComparer.Ordinal));
        throw new BuildException(
            $"Target '{all[0].Name}' is declared by two components: {owners}. Rename one of them, or declare 'Target {all[0].Name}' in the build class to say which one it is.");
    }

    private static IReadOnlyList<ExecutableTarget> Resolve(
        ExecutableTarget owner, List<Target> references, Dictionary<System.Reflection.MethodInfo, ExecutableTarget> byMethod, string relation)
    {
        return references
            .Select(reference => byMethod.TryGetValue(reference.Method, out var target)
                ? target
                : throw new BuildException($"Target '{owner.Name}' {relation} a target that is not part of the build ({reference.Method.Name}); make it a property of the build or of a component it implements."))
            .Distinct()
            .ToList();
    }
}
