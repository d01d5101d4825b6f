using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Gates.ArchitectureTests;
using Tollgate.Tools.Assemblies;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// The ArchitectureTests gate: the rules of <c>.nuke/architecture.json</c> checked on the compiled
/// assemblies of the solution's non-test projects, read from their metadata and IL.
/// </summary>
public interface IArchitectureTests : ICompile
{
    /// <summary>Record today's violations as known.</summary>
    [Parameter("Record today's architecture violations as known (.nuke/architecture-baseline.json), so that only new ones fail")]
    bool ArchitectureFreeze => this.ValueOf(() => ArchitectureFreeze, false);

    /// <summary>Which assemblies are checked.</summary>
    [Parameter("Assemblies to check, by file name pattern (default: those of every non-test project)")]
    string[] ArchitectureAssemblies => this.ValueOf(() => ArchitectureAssemblies, []);

    /// <summary>Checks the rules.</summary>
    Target ArchitectureTests => _ => _
        .Description("Check the layering rules of .nuke/architecture.json on the compiled assemblies")
        .DependsOn(Compile)
        .ProceedAfterFailure()
        .Executes(context => GateTarget.RunAsync(this, context, ArchitectureGate.Name, () =>
        {
            var nuke = RootDirectory / ".nuke";
            ArchitectureSchema.WriteTo(nuke);
            var rulesFile = nuke / ArchitectureRulesFile.FileName;
            var tools = new Dictionary<string, string> { ["System.Reflection.Metadata"] = typeof(System.Reflection.Metadata.MetadataReader).Assembly.GetName().Version!.ToString() };
            if (!File.Exists(rulesFile))
            {
                return Task.FromResult(ArchitectureGate.Evaluate([], new HashSet<string>(), 0, 0, tools));
            }

            var rules = ArchitectureRulesFile.Read(rulesFile, rulesFile.RelativeTo(RootDirectory));
            var built = BuildInfo.Read(BuildInfoDirectory).Where(p => !p.IsTestProject && File.Exists(p.TargetPath)).Select(p => p.TargetPath).Distinct();
            var assemblies = FileNamePatterns.Select(built, ArchitectureAssemblies).ToList();
            context.Log.Info($"Checking {rules.Count} rules on {string.Join(", ", assemblies.Select(Path.GetFileName))}");
            var types = assemblies.SelectMany(AssemblyDependencyReader.Read).ToList();
            var violations = rules.SelectMany(rule => rule.Evaluate(types)).ToList();
            var baseline = nuke / ArchitectureBaseline.FileName;
            if (ArchitectureFreeze)
            {
                ArchitectureBaseline.Write(baseline, violations);
                context.Log.Always($"Froze {violations.Count} violations into {baseline.RelativeTo(RootDirectory)}; commit it. New violations will fail the gate.");
            }

            var result = ArchitectureGate.Evaluate(violations, ArchitectureBaseline.Read(baseline), rules.Count, types.Count, tools);
            RunEvidence.WriteReport(ArchitectureGate.Name, "architecture.sarif", SarifExporter.Render(result, TollgateVersion.Current));
            foreach (var finding in result.Findings.Where(f => f.Kind == "violation").Take(20))
            {
                context.Log.Error($"[{finding.Rule}] {finding.Message}");
            }

            return Task.FromResult(result);
        }));
}
