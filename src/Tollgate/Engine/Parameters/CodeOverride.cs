using System.Reflection;
using System.Reflection.Emit;

namespace Tollgate.Engine;

/// <summary>
/// Whether a build overrides a component's parameter property in code, and the component's own value of it.
/// C# has no <c>base(ICoverage)</c>; the runtime's non-virtual <c>call</c> of the interface getter gives it.
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
    public static object? ComponentValue(object build, PropertyInfo property)
    {
        var getter = property.GetMethod!;
        if (getter.IsAbstract)
        {
            return null;
        }

        var method = new DynamicMethod($"component_{property.Name}", typeof(object), [typeof(object)], typeof(CodeOverride).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, property.DeclaringType!);
        il.Emit(OpCodes.Call, getter);
        if (property.PropertyType.IsValueType)
        {
            il.Emit(OpCodes.Box, property.PropertyType);
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<object, object?>>()(build);
    }
}
