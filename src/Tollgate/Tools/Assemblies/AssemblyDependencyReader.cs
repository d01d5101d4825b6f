using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Tollgate.Tools.Assemblies;

/// <summary>
/// Reads what every type of an assembly depends on, from its metadata and IL: base type, interfaces,
/// attributes, generic constraints, fields, properties, events, method signatures, locals, and every
/// type, method and field operand in method bodies. Types the compiler generated (lambdas and their
/// closures, async and iterator state machines) are attributed to the type that declared them, with
/// the member they came from.
/// </summary>
internal static class AssemblyDependencyReader
{
    /// <summary>The types of the assembly at <paramref name="path"/>, by full name.</summary>
    /// <exception cref="InvalidDataException">The file is not a .NET assembly.</exception>
    public static IReadOnlyList<TypeDependencies> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new InvalidDataException($"{path} is not a .NET assembly (it has no metadata).");
        }

        var reader = pe.GetMetadataReader();
        var scan = new Scan(reader, pe, new TypeNameProvider(reader));
        foreach (var handle in reader.TypeDefinitions)
        {
            scan.Type(handle);
        }

        return scan.Results();
    }

    private sealed class Scan(MetadataReader reader, PEReader pe, TypeNameProvider provider)
    {
        private readonly Dictionary<TypeDefinitionHandle, (HashSet<TypeDependency> Dependencies, List<string> Bases)> owners = [];

        public IReadOnlyList<TypeDependencies> Results()
        {
            var assembly = reader.GetString(reader.GetAssemblyDefinition().Name);
            return owners
                .Select(o => new TypeDependencies(
                    TypeNames.Of(reader, o.Key),
                    TypeNames.NamespaceOf(reader, o.Key),
                    assembly,
                    o.Value.Bases,
                    o.Value.Dependencies.Where(d => d.Target != TypeNames.Of(reader, o.Key))
                        .OrderBy(d => d.Target, StringComparer.Ordinal).ThenBy(d => d.Member, StringComparer.Ordinal).ToList()))
                .OrderBy(t => t.Type, StringComparer.Ordinal)
                .ToList();
        }

        public void Type(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            if (Owner(handle) is not { } owner)
            {
                return; // <Module>, <PrivateImplementationDetails>
            }

            var generated = owner != handle;
            var stateMachine = generated ? StateMachineMember(handle) : null;
            var entry = Entry(owner);
            var add = (IEnumerable<string> targets, string member) =>
            {
                foreach (var target in targets)
                {
                    entry.Dependencies.Add(new TypeDependency(Declaring(target), stateMachine ?? member));
                }
            };

            if (!generated)
            {
                if (!type.BaseType.IsNil)
                {
                    var bases = Names(type.BaseType);
                    add(bases, "base type");
                    entry.Bases.AddRange(bases.Take(1));
                }

                foreach (var implementation in type.GetInterfaceImplementations())
                {
                    var names = Names(reader.GetInterfaceImplementation(implementation).Interface);
                    add(names, "interface");
                    entry.Bases.AddRange(names.Take(1));
                }

                add(Attributes(type.GetCustomAttributes()), "attribute");
                foreach (var parameter in type.GetGenericParameters())
                {
                    GenericConstraints(parameter, add, "generic constraint");
                }
            }

            foreach (var field in type.GetFields().Select(reader.GetFieldDefinition))
            {
                var member = generated ? "closure" : FieldMember(reader.GetString(field.Name));
                add(field.DecodeSignature(provider, null), member);
                add(Attributes(field.GetCustomAttributes()), member);
            }

            foreach (var property in type.GetProperties().Select(reader.GetPropertyDefinition))
            {
                var member = $"property {reader.GetString(property.Name)}";
                var signature = property.DecodeSignature(provider, null);
                add(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p)), member);
                add(Attributes(property.GetCustomAttributes()), member);
            }

            foreach (var @event in type.GetEvents().Select(reader.GetEventDefinition))
            {
                add(Names(@event.Type), $"event {reader.GetString(@event.Name)}");
            }

            foreach (var method in type.GetMethods().Select(reader.GetMethodDefinition))
            {
                Method(method, add);
            }
        }

        private void Method(MethodDefinition method, Action<IEnumerable<string>, string> add)
        {
            var member = MethodMember(reader.GetString(method.Name), method.Attributes.HasFlag(System.Reflection.MethodAttributes.SpecialName));
            var signature = method.DecodeSignature(provider, null);
            add(signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p)), member);
            add(Attributes(method.GetCustomAttributes()), member);
            foreach (var parameter in method.GetParameters().Select(reader.GetParameter))
            {
                add(Attributes(parameter.GetCustomAttributes()), member);
            }

            foreach (var generic in method.GetGenericParameters())
            {
                GenericConstraints(generic, add, member);
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                add(reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null).SelectMany(l => l), member);
            }

            add(IlOperands.Tokens(body).SelectMany(token => Names(token)), member);
        }

        private void GenericConstraints(GenericParameterHandle handle, Action<IEnumerable<string>, string> add, string member)
        {
            foreach (var constraint in reader.GetGenericParameter(handle).GetConstraints().Select(reader.GetGenericParameterConstraint))
            {
                add(Names(constraint.Type), member);
            }
        }

        private IEnumerable<string> Attributes(CustomAttributeHandleCollection attributes) =>
            attributes.SelectMany(a => Names(reader.GetCustomAttribute(a).Constructor));

        // Every type a handle names: a type, or a member's declaring type and signature.
        private ImmutableArray<string> Names(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    return [TypeNames.Of(reader, (TypeDefinitionHandle)handle)];
                case HandleKind.TypeReference:
                    return [TypeNames.Of(reader, (TypeReferenceHandle)handle)];
                case HandleKind.TypeSpecification:
                    return reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null);
                case HandleKind.MethodDefinition:
                    var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    var signature = method.DecodeSignature(provider, null);
                    return [TypeNames.Of(reader, method.GetDeclaringType()), .. signature.ReturnType, .. signature.ParameterTypes.SelectMany(p => p)];
                case HandleKind.FieldDefinition:
                    var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    return [TypeNames.Of(reader, field.GetDeclaringType()), .. field.DecodeSignature(provider, null)];
                case HandleKind.MemberReference:
                    var reference = reader.GetMemberReference((MemberReferenceHandle)handle);
                    var parent = Names(reference.Parent);
                    return reference.GetKind() == MemberReferenceKind.Method
                        ? [.. parent, .. Signature(reference.DecodeMethodSignature(provider, null))]
                        : [.. parent, .. reference.DecodeFieldSignature(provider, null)];
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    return [.. Names(specification.Method), .. specification.DecodeSignature(provider, null).SelectMany(a => a)];
                default:
                    return [];
            }
        }

        // A compiler-generated nested type ("Outer+<>c__DisplayClass0_0") stands for the type that declared it.
        private static string Declaring(string target)
        {
            var generated = target.IndexOf("+<", StringComparison.Ordinal);
            return generated > 0 ? target[..generated] : target;
        }

        private static IEnumerable<string> Signature(MethodSignature<ImmutableArray<string>> signature) =>
            signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(p => p));

        private (HashSet<TypeDependency> Dependencies, List<string> Bases) Entry(TypeDefinitionHandle owner)
        {
            if (!owners.TryGetValue(owner, out var entry))
            {
                entry = ([], []);
                owners[owner] = entry;
            }

            return entry;
        }

        // The nearest declaring type that the compiler did not generate; null for anything inside a top-level
        // generated type (<Module>, <PrivateImplementationDetails>, collection-expression helpers).
        private TypeDefinitionHandle? Owner(TypeDefinitionHandle handle)
        {
            var outermost = handle;
            while (!reader.GetTypeDefinition(outermost).GetDeclaringType().IsNil)
            {
                outermost = reader.GetTypeDefinition(outermost).GetDeclaringType();
            }

            if (TypeNames.IsCompilerGenerated(reader, outermost))
            {
                return null;
            }

            var current = handle;
            while (TypeNames.IsCompilerGenerated(reader, current))
            {
                current = reader.GetTypeDefinition(current).GetDeclaringType();
            }

            return current;
        }

        // "<RunAsync>d__5" → "method RunAsync (async)"; closures and lambda caches → null (their methods say where).
        private string? StateMachineMember(TypeDefinitionHandle handle)
        {
            var name = reader.GetString(reader.GetTypeDefinition(handle).Name);
            var close = name.IndexOf('>', StringComparison.Ordinal);
            if (close <= 1 || name.Length <= close + 1 || name[close + 1] != 'd')
            {
                return null;
            }

            var isAsync = reader.GetTypeDefinition(handle).GetInterfaceImplementations()
                .SelectMany(i => Names(reader.GetInterfaceImplementation(i).Interface))
                .Any(n => n == "System.Runtime.CompilerServices.IAsyncStateMachine");
            return $"method {name[1..close]} ({(isAsync ? "async" : "iterator")})";
        }

        // "<Name>k__BackingField" (an auto-property's field) → "property Name".
        private static string FieldMember(string name) =>
            name.StartsWith('<') && name.EndsWith(">k__BackingField", StringComparison.Ordinal)
                ? $"property {name[1..name.IndexOf('>', StringComparison.Ordinal)]}"
                : $"field {name}";

        // "get_Name" → "property Name"; "<Plan>b__0_1" → "method Plan (lambda)"; "<Plan>g__Local|0_0" → "method Plan (local function Local)".
        private static string MethodMember(string name, bool specialName)
        {
            if (specialName && (name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal)))
            {
                return $"property {name[4..]}";
            }

            if (specialName && (name.StartsWith("add_", StringComparison.Ordinal) || name.StartsWith("remove_", StringComparison.Ordinal)))
            {
                return $"event {name[(name.IndexOf('_', StringComparison.Ordinal) + 1)..]}";
            }

            if (!name.StartsWith('<'))
            {
                return $"method {name}";
            }

            var close = name.IndexOf('>', StringComparison.Ordinal);
            var outer = close > 1 ? name[1..close] : "?";
            var kind = close >= 0 && name.Length > close + 1 ? name[close + 1] : ' ';
            return kind switch
            {
                'b' => $"method {outer} (lambda)",
                'g' => $"method {outer} (local function {name[(close + 4)..name.IndexOf('|', StringComparison.Ordinal)]})",
                _ => $"method {outer}",
            };
        }
    }
}
