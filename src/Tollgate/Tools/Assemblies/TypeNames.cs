using System.Reflection.Metadata;

namespace Tollgate.Tools.Assemblies;

/// <summary>Full type names from metadata handles: <c>Namespace.Outer+Inner</c>, generic arity kept (<c>List`1</c>).</summary>
internal static class TypeNames
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? Qualify(reader.GetString(type.Namespace), name) : Of(reader, declaring) + "+" + name;
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? Of(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name
            : Qualify(reader.GetString(type.Namespace), name);
    }

    /// <summary>The namespace of a type definition: that of its outermost declaring type.</summary>
    public static string NamespaceOf(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        return type.GetDeclaringType().IsNil ? reader.GetString(type.Namespace) : NamespaceOf(reader, type.GetDeclaringType());
    }

    /// <summary>True for types the compiler made: closures, lambdas' caches, state machines, fixed buffers (<c>&lt;…&gt;</c> names).</summary>
    public static bool IsCompilerGenerated(MetadataReader reader, TypeDefinitionHandle handle) =>
        reader.GetString(reader.GetTypeDefinition(handle).Name).StartsWith('<');

    private static string Qualify(string @namespace, string name) => @namespace.Length == 0 ? name : @namespace + "." + name;
}
