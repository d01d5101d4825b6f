using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Gates.Cache;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>
/// ArchitectureTests' unit in the result cache: the violations the rules find in the checked assemblies, and how many types
/// were read, before the frozen baseline is applied (so a changed baseline applies to a reused check as to a fresh one). Its
/// key holds each checked project with the projects it references, transitively (the assembly is built from them), the build
/// files above them, their packages, the SDK, the run's properties, the checked assemblies' names and the rules file.
/// </summary>
internal sealed class ArchitectureCache(CacheContext context, IReadOnlyList<ProjectInfo> built)
{
    /// <summary>The unit's name.</summary>
    public const string Unit = "architecture check";

    private const string ResultFile = "violations.json";

    /// <summary>What the check of <paramref name="assemblies"/> with the rules of <paramref name="rulesFile"/> (when it exists) depends on.</summary>
    public KeyIngredients Ingredients(IReadOnlyList<string> assemblies, string rulesFile, IReadOnlyList<string> properties) => context.Cache.Measure(() =>
    {
        var ingredients = context.Base(ArchitectureGate.Name).AddDigest("properties", string.Join('\n', properties))
            .Add("rules", File.Exists(rulesFile) ? context.Sources.Of(rulesFile) : "default");
        foreach (var assembly in assemblies)
        {
            var project = built.First(p => p.TargetPath == assembly);
            ingredients.Add("assembly:" + Path.GetFileName(assembly), project.Framework).Add("sdk", project.Sdk).Add(context.Sources.OfProjectClosure(project.Project, built));
        }

        return ingredients;
    });

    /// <summary>The stored check, or null.</summary>
    public async Task<(IReadOnlyList<ArchitectureViolation> Violations, int Types, CacheEntry Entry)?> ReadAsync(KeyIngredients ingredients, CancellationToken cancellation)
    {
        if (await context.Cache.ReadAsync(ArchitectureGate.Name, Unit, ingredients, cancellation).ConfigureAwait(false) is not { } entry)
        {
            return null;
        }

        var node = JsonNode.Parse(entry.Files[ResultFile]) as JsonObject ?? throw new InvalidDataException("a stored architecture check is not a JSON object");
        return (node["violations"].Deserialize<List<ArchitectureViolation>>() ?? [], node["types"]!.GetValue<int>(), entry);
    }

    /// <summary>Stores a check.</summary>
    public Task StoreAsync(KeyIngredients ingredients, IReadOnlyList<ArchitectureViolation> violations, int types, CancellationToken cancellation) =>
        context.Cache.WriteAsync(ArchitectureGate.Name, Unit, ingredients, new Dictionary<string, string>(), new Dictionary<string, byte[]>
        {
            [ResultFile] = Encoding.UTF8.GetBytes(new JsonObject { ["violations"] = JsonSerializer.SerializeToNode(violations), ["types"] = types }.ToJsonString()),
        }, cancellation);
}
