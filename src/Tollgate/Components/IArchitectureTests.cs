using Tollgate.Engine;
using Tollgate.Gates.ArchitectureTests;
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
        .OnlyWhen(() => RunsGlobalGates, "this is shard 1 of a split run (the cheap, global gates run there; --shard-every-gate runs them on every shard), or the run is not split")
        .Executes(context => GateTarget.RunAsync(this, context, ArchitectureGate.Name, async () =>
        {
            var inputs = new ArchitectureInputs
            {
                Root = RootDirectory,
                Built = BuildInfo.Read(BuildInfoDirectory),
                AssemblyPatterns = this.Read(() => ArchitectureAssemblies),
                Freeze = this.Read(() => ArchitectureFreeze),
                Properties = BuildProperties,
                TollgateVersion = TollgateVersion.Current,
            };
            var result = await new ArchitectureStep(RunEvidence, context.Log.Info, await ResultCacheAsync(context.Cancellation).ConfigureAwait(false))
                .RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
            foreach (var finding in result.Findings.Where(f => f.Kind == "violation").Take(20))
            {
                context.Log.Error($"[{finding.Rule}] {finding.Message}");
            }

            return result;
        }));
}
