using System.Linq.Expressions;
using System.Reflection;

namespace Tollgate.Engine;

/// <summary>
/// Calls a component's own (default interface) implementation of a target, bypassing the build's
/// override, so an override can keep what the component does (<see cref="InterfaceDefault"/>).
/// </summary>
internal static class BaseTargetInvoker
{
    public static Target Invoke<T>(object build, Expression<Func<T, Target>> selector)
    {
        if (selector.Body is not MemberExpression { Member: PropertyInfo property } || property.GetMethod is not { } getter)
        {
            throw new BuildException($"Inherit<{typeof(T).Name}> needs a target property, as in x => x.Test; got {selector}.");
        }

        return Invoke(build, typeof(T), property, getter);
    }

    public static Target Invoke<T>(object build, string name)
    {
        var property = new[] { typeof(T) }.Concat(typeof(T).GetInterfaces())
            .Select(type => type.GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .FirstOrDefault(p => p is not null && p.PropertyType == typeof(Target))
            ?? throw new BuildException($"Inherit<{typeof(T).Name}>() in target {name}: {typeof(T).Name} has no target named {name}; name the target to inherit, as in Inherit<{typeof(T).Name}>(x => x.Test).");
        return Invoke(build, typeof(T), property, property.GetMethod!);
    }

    private static Target Invoke(object build, Type component, PropertyInfo property, MethodInfo getter)
    {
        if (!component.IsInstanceOfType(build))
        {
            throw new BuildException($"The build {build.GetType().Name} inherits a target of {component.Name} but does not implement it; add {component.Name} to the build's interfaces.");
        }

        if (getter.IsAbstract)
        {
            throw new BuildException($"{component.Name}.{property.Name} has no implementation of its own to inherit.");
        }

        return (Target)InterfaceDefault.Get(build, property)!;
    }
}
