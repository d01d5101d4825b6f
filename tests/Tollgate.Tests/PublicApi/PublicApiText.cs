using System.Reflection;
using System.Text;

namespace Tollgate.Tests.PublicApi;

/// <summary>
/// Every public type and member of an assembly as sorted lines of text, so a change of the surface a
/// build author sees shows up as a diff of a committed file.
/// </summary>
internal static class PublicApiText
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Describe(type)).Append('\n');
            foreach (var member in Members(type).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    public static IEnumerable<Type> PublicTypes(Assembly assembly) => assembly.GetExportedTypes();

    private static string Describe(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : type.IsAbstract && type.IsSealed ? "static class" : "class";
        var bases = new[] { type.BaseType }
            .Where(b => b is not null && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && b != typeof(MulticastDelegate))
            .Concat(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).OrderBy(i => i.FullName, StringComparer.Ordinal))
            .Select(b => Name(b!))
            .ToList();
        return $"{kind} {Name(type)}{(bases.Count == 0 ? "" : " : " + string.Join(", ", bases))}";
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            return type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => $"{f.Name} = {Convert.ToInt64(f.GetValue(null), System.Globalization.CultureInfo.InvariantCulture)}");
        }

        return type.GetMembers(Declared).Where(Visible).Select(Signature).Where(s => s is not null).Select(s => s!);
    }

    private static bool Visible(MemberInfo member) => member switch
    {
        MethodBase method => (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly) && !method.IsSpecialName,
        PropertyInfo property => property.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
        _ => false,
    };

    private static string? Signature(MemberInfo member) => member switch
    {
        ConstructorInfo ctor => $"{Modifiers(ctor)}ctor({Parameters(ctor)})",
        MethodInfo method => $"{Modifiers(method)}{Name(method.ReturnType)} {method.Name}{Generic(method)}({Parameters(method)})",
        PropertyInfo property => $"{Modifiers(property.GetAccessors(true).First())}{Name(property.PropertyType)} {property.Name} {{ {string.Join(" ", property.GetAccessors(true).Where(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly).Select(a => a.Name.StartsWith("get_", StringComparison.Ordinal) ? "get;" : IsInit(a) ? "init;" : "set;").Order(StringComparer.Ordinal))} }}",
        FieldInfo field => $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}{Name(field.FieldType)} {field.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type nested => $"nested {Describe(nested)}",
        _ => null,
    };

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static string Modifiers(MethodBase method) =>
        (method.IsFamily ? "protected " : "") + (method.IsStatic ? "static " : "") + (method.IsAbstract && !method.DeclaringType!.IsInterface ? "abstract " : "")
        + (method.IsVirtual && !method.IsAbstract && !method.IsFinal && !method.DeclaringType!.IsInterface ? "virtual " : "");

    private static string Generic(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.GetCustomAttribute<ParamArrayAttribute>() is not null ? "params " : p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")
            + Name(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = " + (p.DefaultValue is null ? "null" : p.DefaultValue is string s ? $"\"{s}\"" : Convert.ToString(p.DefaultValue, System.Globalization.CultureInfo.InvariantCulture)) : "")));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var name = (type.IsNested ? Name(type.DeclaringType!) + "." : type.Namespace is null ? "" : type.Namespace + ".") + type.Name;
        if (type.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }
}
