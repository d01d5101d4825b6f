using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Tollgate.Tools.Assemblies;

/// <summary>A class of a test assembly and how many test methods it declares.</summary>
/// <param name="FullName">The name a VSTest filter matches (<c>Ns.Outer+Inner</c> for a nested class).</param>
/// <param name="Tests">Its test methods (a theory counts once).</param>
internal sealed record TestClass(string FullName, int Tests);

/// <summary>
/// The test classes of a built test assembly, read from its metadata (no test host started): the non-abstract classes
/// with methods marked by xunit (<c>Fact</c>, <c>Theory</c> and attributes named like them, e.g. <c>SkippableFact</c>),
/// NUnit (<c>Test</c>, <c>TestCase</c>, <c>TestCaseSource</c>) or MSTest (<c>TestMethod</c>, <c>DataTestMethod</c>).
/// </summary>
internal static class TestClassReader
{
    private static readonly string[] Exact = ["TestAttribute", "TestCaseAttribute", "TestCaseSourceAttribute", "TestMethodAttribute", "DataTestMethodAttribute"];

    /// <summary>The classes, ordered by name.</summary>
    /// <exception cref="InvalidDataException">The file is not a .NET assembly.</exception>
    public static IReadOnlyList<TestClass> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new InvalidDataException($"{path} is not a .NET assembly (it has no metadata).");
        }

        var reader = pe.GetMetadataReader();
        var classes = new List<TestClass>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if ((type.Attributes & System.Reflection.TypeAttributes.Abstract) != 0 && (type.Attributes & System.Reflection.TypeAttributes.Sealed) == 0)
            {
                continue; // abstract bases run through their derived classes
            }

            var tests = type.GetMethods().Count(m => reader.GetMethodDefinition(m).GetCustomAttributes().Any(a => IsTestAttribute(reader, reader.GetCustomAttribute(a))));
            if (tests > 0)
            {
                classes.Add(new TestClass(FullName(reader, type), tests));
            }
        }

        return classes.OrderBy(c => c.FullName, StringComparer.Ordinal).ToList();
    }

    private static bool IsTestAttribute(MetadataReader reader, CustomAttribute attribute)
    {
        var name = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference when reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                => reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name),
            HandleKind.MethodDefinition => reader.GetString(reader.GetTypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name),
            _ => "",
        };
        return name.EndsWith("FactAttribute", StringComparison.Ordinal) || name.EndsWith("TheoryAttribute", StringComparison.Ordinal) || Exact.Contains(name);
    }

    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil
            ? (type.Namespace.IsNil ? name : $"{reader.GetString(type.Namespace)}.{name}")
            : $"{FullName(reader, reader.GetTypeDefinition(declaring))}+{name}";
    }
}
