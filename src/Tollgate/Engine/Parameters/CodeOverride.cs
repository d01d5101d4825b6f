using System.Reflection;

namespace Tollgate.Engine;

/// <summary>
/// Whether a build overrides a component's parameter property in code, and the component's own value of it.
/// </summary>
internal static class CodeOverride
{
    /// <summary>True when <paramref name="buildType"/> (or a base class) implements the interface property itself.</summary>
    public static bool Overrides(Type buildType, PropertyInfo property)
    {
        var component = property.DeclaringType!;
        if (!component.IsInterface || property.GetMethod is not { } getter || !component.IsAssignableFrom(buildType))
        {
            return false;
        }

        var map = buildType.GetInterfaceMap(component);
        var at = Array.IndexOf(map.InterfaceMethods, getter);
        return at >= 0 && map.TargetMethods[at] is { } target && !target.DeclaringType!.IsInterface;
    }

    /// <summary>The component's default implementation of <paramref name="property"/>, bypassing any override.</summary>
    public static object? ComponentValue(object build, PropertyInfo property) =>
        property.GetMethod!.IsAbstract ? null : InterfaceDefault.Get(build, property);
}
