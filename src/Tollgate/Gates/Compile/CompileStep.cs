using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Compile;

/// <summary>What Compile builds and with what.</summary>
internal sealed record CompileInputs
{
    /// <summary>The build: the solution (or the selection of its projects Tollgate wrote), the configuration, the properties; <c>Built</c> is empty: it is what this step makes.</summary>
    public required BuildScope Scope { get; init; }

    /// <summary>How messages name the build target.</summary>
    public required string TargetName { get; init; }

    /// <summary>The projects built (their restore inputs make the restore stamp).</summary>
    public required IReadOnlyList<string> Projects { get; init; }

    /// <summary>Tollgate's targets file, imported into every project.</summary>
    public required string BuildTargets { get; init; }

    /// <summary>Where the build reports what each project built; emptied first.</summary>
    public required string BuildInfoDirectory { get; init; }

    /// <summary>The restore stamp: while it holds, the build skips its restore.</summary>
    public required string StampFile { get; init; }

    /// <summary>Where the Microsoft.Testing.Platform extensions Tollgate supplies are written.</summary>
    public required string ExtensionsFile { get; init; }

    /// <summary>The pinned versions of the TRX reporter, coverlet.MTP and the hang extension.</summary>
    public required (string Trx, string Coverlet, string Hang) ExtensionVersions { get; init; }
}

/// <summary>
/// The one build every gate reads: without a restore while the restore stamp holds (and once more with a forced restore when
/// that build fails: the stamp was wrong), then again when test applications need extensions Tollgate supplies; the stamp
/// is written after a good build and removed after a failed one.
/// </summary>
internal sealed class CompileStep(ProcessRunner runner, Action<string> say, ToolHooks? hooks = null)
{
    /// <exception cref="InvalidDataException">The build failed; the message names what was built and ends with the build's last lines.</exception>
    public async Task RunAsync(CompileInputs inputs, CancellationToken cancellation)
    {
        if (Directory.Exists(inputs.BuildInfoDirectory))
        {
            Directory.Delete(inputs.BuildInfoDirectory, recursive: true);
        }

        var restored = RestoreStamp.Holds(inputs.StampFile, RestoreStamp.Current(inputs.Scope.Root, inputs.Projects, inputs.Scope.Configuration, inputs.Scope.Properties));
        var result = await BuildAsync(inputs, restore: !restored, force: false, cancellation).ConfigureAwait(false);
        if (!result.Succeeded && restored)
        {
            say("The build without a restore failed; building again with the restore.");
            result = await BuildAsync(inputs, restore: true, force: true, cancellation).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            File.Delete(inputs.StampFile);
            throw new InvalidDataException($"dotnet build {inputs.TargetName} exited {result.ExitCode}:\n{result.Tail(25)}");
        }

        // Test applications on Microsoft.Testing.Platform that lack an extension the gates read get Tollgate's pinned one,
        // compiled in: the first build tells which; the build runs again (restoring them) only when that list changed.
        if (SupplyPlatformExtensions(inputs))
        {
            result = await BuildAsync(inputs, restore: true, force: false, cancellation).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                File.Delete(inputs.StampFile);
                throw new InvalidDataException(
                    $"dotnet build {inputs.TargetName} with Tollgate's Microsoft.Testing.Platform extensions ({PortablePath.Relative(inputs.Scope.Root, inputs.ExtensionsFile)}) exited {result.ExitCode}:\n{result.Tail(25)}");
            }
        }

        if (RestoreStamp.Current(inputs.Scope.Root, inputs.Projects, inputs.Scope.Configuration, inputs.Scope.Properties) is { } stamp)
        {
            File.WriteAllText(inputs.StampFile, stamp);
        }
    }

    // Writes the extensions the built test applications need; true when that changed what the build must restore.
    private bool SupplyPlatformExtensions(CompileInputs inputs)
    {
        var (trx, coverlet, hang) = inputs.ExtensionVersions;
        var plan = PlatformExtensions.Plan(BuildInfo.Read(inputs.BuildInfoDirectory), GlobalJson.UsesTestingPlatform(inputs.Scope.Root), trx, coverlet, hang);
        if ((plan.Count == 0 && !File.Exists(inputs.ExtensionsFile)) || !AtomicFile.WriteIfChanged(inputs.ExtensionsFile, PlatformExtensions.Render(plan)))
        {
            return false;
        }

        foreach (var supply in plan)
        {
            say($"Supplying {string.Join(" and ", supply.Packages.Select(p => $"{p.Key} {p.Value}"))} to {PortablePath.Relative(inputs.Scope.Root, supply.Project)} (it references none); building it again.");
        }

        return true;
    }

    // force: resolve every dependency again, as after a restore Tollgate wrongly thought still held.
    private Task<ProcessResult> BuildAsync(CompileInputs inputs, bool restore, bool force, CancellationToken cancellation) =>
        runner.RunAsync(
            (hooks ?? ToolHooks.None).Apply(new DotnetBuildSettings
            {
                Target = inputs.Scope.BuildTarget,
                Configuration = inputs.Scope.Configuration,
                Properties = inputs.Scope.Properties,
                Restore = restore,
                Force = force,
                BuildTargets = inputs.BuildTargets,
                BuildInfo = inputs.BuildInfoDirectory,
            }).ToProcess(DotnetCli.Program, inputs.Scope.Root, installHint: DotnetCli.InstallHint),
            cancellation);
}
