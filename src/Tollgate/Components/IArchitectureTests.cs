using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Gates.ArchitectureTests;
using Tollgate.IO;
using Tollgate.Tools.Assemblies;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// The ArchitectureTests gate: the rules of <c>.nuke/architecture.json</c> checked on the compiled
/// assemblies of the solution's non-test projects (one per project: its highest framework), read from their
/// metadata and IL. Without the file, the default rule holds: no namespace cycles within each assembly.
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
        .Description("Check the rules of .nuke/architecture.json (default: no namespace cycles) on the compiled assemblies")
        .DependsOn(Compile)
        .ProceedAfterFailure()
        .Executes(context => GateTarget.RunAsync(this, context, ArchitectureGate.Name, () =>
        {
            var nuke = RootDirectory / ".nuke";
            ArchitectureSchema.WriteTo(nuke);
            var rulesFile = nuke / ArchitectureRulesFile.FileName;
            var tools = new Dictionary<string, string> { ["System.Reflection.Metadata"] = typeof(System.Reflection.Metadata.MetadataReader).Assembly.GetName().Version!.ToString() };
            // One assembly per project: the highest framework the build made (a multi-targeted library is read once, not once per framework).
            var built = BuildInfo.Read(BuildInfoDirectory).Where(p => !p.IsTestProject && File.Exists(p.TargetPath))
                .GroupBy(p => p.Project).Select(g => g.OrderByDescending(p => TargetFrameworks.Rank(p.Framework)).First().TargetPath);
            var assemblies = FileNamePatterns.Select(built, this.Read(() => ArchitectureAssemblies)).ToList();
            var configured = File.Exists(rulesFile);
            var rules = configured
                ? ArchitectureRulesFile.Read(rulesFile, rulesFile.RelativeTo(RootDirectory))
                : assemblies.Select(a => (ArchitectureRule)new NoCyclesRule($"no namespace cycles in {Path.GetFileNameWithoutExtension(a)}", Path.GetFileNameWithoutExtension(a) + ".*")).ToList();
            if (!configured)
            {
                context.Log.Info($"No {rulesFile.RelativeTo(RootDirectory)}: checking the default rule, no namespace cycles within each assembly (write the file for your own layers; see architecture.schema.json beside it).");
            }

            context.Log.Info($"Checking {rules.Count} rules on {string.Join(", ", assemblies.Select(Path.GetFileName))}");
            var types = assemblies.SelectMany(AssemblyDependencyReader.Read).ToList();
            var violations = rules.SelectMany(rule => rule.Evaluate(types)).ToList();
            var baseline = nuke / ArchitectureBaseline.FileName;
            if (this.Read(() => ArchitectureFreeze))
            {
                ArchitectureBaseline.Write(baseline, violations);
                context.Log.Always($"Froze {violations.Count} violations into {baseline.RelativeTo(RootDirectory)}; commit it. New violations will fail the gate.");
            }

            var evaluated = ArchitectureGate.Evaluate(violations, ArchitectureBaseline.Read(baseline), rules.Count, types.Count, tools);
            var result = evaluated with
            {
                Headline = configured ? evaluated.Headline : evaluated.Headline.Replace(" rules)", " default rules: no namespace cycles)", StringComparison.Ordinal),
                Settings = new Dictionary<string, string> { ["rules"] = configured ? rulesFile.RelativeTo(RootDirectory) : "default: no namespace cycles within each assembly" },
            };
            RunEvidence.WriteReport(ArchitectureGate.Name, "architecture.sarif", SarifExporter.Render(result, TollgateVersion.Current));
            foreach (var finding in result.Findings.Where(f => f.Kind == "violation").Take(20))
            {
                context.Log.Error($"[{finding.Rule}] {finding.Message}");
            }

            return Task.FromResult(result);
        }));
}
