using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tollgate.Tests.PublicApi;

/// <summary>
/// Compiles a build author's C# file the way their build project would (net10.0, implicit usings, nullable)
/// against the Tollgate package's assembly, the framework and xunit, and returns the compiler's errors.
/// </summary>
internal static class ExampleCompiler
{
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<List<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(TollgateBuild).Assembly.Location)
            .Append(typeof(FactAttribute).Assembly.Location)
            .Distinct()
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList());

    public static IReadOnlyList<string> Errors(string source, string name)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var usings = string.Join("\n", ImplicitUsings.Select(u => $"global using {u};"));
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source, options, path: name + ".cs"), CSharpSyntaxTree.ParseText(usings, options, path: "GlobalUsings.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
    }
}
