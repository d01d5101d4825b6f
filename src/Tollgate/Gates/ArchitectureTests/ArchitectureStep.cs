using Tollgate.Evidence;
using Tollgate.Gates.Cache;
using Tollgate.IO;
using Tollgate.Tools.Assemblies;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>What the ArchitectureTests gate reads.</summary>
internal sealed record ArchitectureInputs
{
    /// <summary>The repository root.</summary>
    public required string Root { get; init; }

    /// <summary>The build's facts (every project and framework it built).</summary>
    public required IReadOnlyList<ProjectInfo> Built { get; init; }

    /// <summary>Which assemblies to check (<c>--architecture-assemblies</c>); empty: every non-test project's.</summary>
    public required IReadOnlyList<string> AssemblyPatterns { get; init; }

    /// <summary>Record today's violations as known.</summary>
    public bool Freeze { get; init; }

    /// <summary>MSBuild properties of the run (they shape the assemblies).</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <summary>Written into the SARIF report.</summary>
    public required string TollgateVersion { get; init; }
}

/// <summary>
/// The ArchitectureTests gate from inputs to result: the rules of <c>.nuke/architecture.json</c> (default: no
/// namespace cycles within each assembly) on one assembly per project (its highest framework), a frozen
/// baseline of known violations, the SARIF report.
/// </summary>
internal sealed class ArchitectureStep(BundleWriter evidence, Action<string> say, CacheContext? cache = null)
{
    public async Task<GateResult> RunAsync(ArchitectureInputs inputs, CancellationToken cancellation = default)
    {
        var nuke = Path.Combine(inputs.Root, ".nuke");
        ArchitectureSchema.WriteTo(nuke);
        var rulesFile = Path.Combine(nuke, ArchitectureRulesFile.FileName);
        var shownAs = PortablePath.Relative(inputs.Root, rulesFile);
        var tools = new Dictionary<string, string> { ["System.Reflection.Metadata"] = typeof(System.Reflection.Metadata.MetadataReader).Assembly.GetName().Version!.ToString() };
        var built = inputs.Built.Where(p => !p.IsTestProject && File.Exists(p.TargetPath))
            .GroupBy(p => p.Project).Select(g => g.OrderByDescending(p => TargetFrameworks.Rank(p.Framework)).First().TargetPath);
        var assemblies = FileNamePatterns.Select(built, inputs.AssemblyPatterns).ToList();
        var configured = File.Exists(rulesFile);
        var rules = configured
            ? ArchitectureRulesFile.Read(rulesFile, shownAs)
            : assemblies.Select(a => (ArchitectureRule)new NoCyclesRule($"no namespace cycles in {Path.GetFileNameWithoutExtension(a)}", Path.GetFileNameWithoutExtension(a) + ".*")).ToList();
        if (!configured)
        {
            say($"No {shownAs}: checking the default rule, no namespace cycles within each assembly (write the file for your own layers; see architecture.schema.json beside it).");
        }

        say($"Checking {rules.Count} rules on {string.Join(", ", assemblies.Select(Path.GetFileName))}");
        var stored = cache is null || cache.Cache.Mode == CacheMode.Off ? null : new ArchitectureCache(cache, inputs.Built);
        var ingredients = stored?.Ingredients(assemblies, rulesFile, inputs.Properties);
        var reused = ingredients is null ? null : await stored!.ReadAsync(ingredients, cancellation).ConfigureAwait(false);
        IReadOnlyList<ArchitectureViolation> violations;
        int typeCount;
        if (reused is { } kept)
        {
            (violations, typeCount) = (kept.Violations, kept.Types);
            say($"The assemblies' sources, packages and rules are unchanged since the check reused from {CacheContext.From([CacheContext.Reused(kept.Entry)])}");
        }
        else
        {
            var types = assemblies.SelectMany(AssemblyDependencyReader.Read).ToList();
            (violations, typeCount) = (rules.SelectMany(rule => rule.Evaluate(types)).ToList(), types.Count);
            if (ingredients is not null)
            {
                await stored!.StoreAsync(ingredients, violations, typeCount, cancellation).ConfigureAwait(false);
            }
        }

        var baseline = Path.Combine(nuke, ArchitectureBaseline.FileName);
        if (inputs.Freeze)
        {
            ArchitectureBaseline.Write(baseline, violations);
            say($"Froze {violations.Count} violations into {PortablePath.Relative(inputs.Root, baseline)}; commit it. New violations will fail the gate.");
        }

        var evaluated = ArchitectureGate.Evaluate(violations, ArchitectureBaseline.Read(baseline), rules.Count, typeCount, tools);
        var result = evaluated with
        {
            Headline = configured ? evaluated.Headline : evaluated.Headline.Replace(" rules)", " default rules: no namespace cycles)", StringComparison.Ordinal),
            Settings = new Dictionary<string, string> { ["rules"] = configured ? shownAs : "default: no namespace cycles within each assembly" },
        };
        if (reused is { } from)
        {
            var unit = CacheContext.Reused(from.Entry);
            result = result with { Headline = $"{result.Headline} (check reused from {CacheContext.From([unit])})", Reused = [unit] };
        }

        evidence.WriteReport(ArchitectureGate.Name, "architecture.sarif", SarifExporter.Render(result, inputs.TollgateVersion));
        return result;
    }
}
