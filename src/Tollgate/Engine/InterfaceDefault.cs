using System.Reflection;
using System.Reflection.Emit;

namespace Tollgate.Engine;

/// <summary>
/// A component's own (default interface) implementation of a property, read bypassing the build's override.
/// C# has no <c>base(ITest)</c> call; the runtime does, through a non-virtual <c>call</c> to the interface's getter.
/// </summary>
internal static class InterfaceDefault
{
    /// <summary>The value of <paramref name="property"/>'s own getter on <paramref name="build"/> (value types boxed).</summary>
    public static object? Get(object build, PropertyInfo property)
    {
        var method = new DynamicMethod($"component_{property.Name}", typeof(object), [typeof(object)], typeof(InterfaceDefault).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, property.DeclaringType!);
        il.Emit(OpCodes.Call, property.GetMethod!);
        if (property.PropertyType.IsValueType)
        {
            il.Emit(OpCodes.Box, property.PropertyType);
        }

        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<object, object?>>()(build);
    }
}
