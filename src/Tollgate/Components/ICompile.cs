using Tollgate.Evidence;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// Builds the solution once (with a compiler log per project for Lint); every later step uses <c>--no-build</c>.
/// The restore is skipped while its inputs are as they were at the last one (<see cref="RestoreStamp"/>).
/// </summary>
public interface ICompile : IHazSolution
{
    /// <summary>Where the build writes each project's facts for the gates (cleared before every build).</summary>
    internal AbsolutePath BuildInfoDirectory => RootDirectory / ".nuke" / "temp" / "build-info";

    /// <summary>Tollgate's targets for every project of the build (written when they differ).</summary>
    internal string BuildTargetsPath => BuildTargetsFile.WriteTo(RootDirectory / ".nuke" / "temp");

    /// <summary>Changes how <c>dotnet build</c> runs: <c>Configure&lt;DotnetBuildSettings&gt; ICompile.BuildSettings =&gt; s =&gt; s.AddArguments("-warnaserror");</c></summary>
    Configure<DotnetBuildSettings> BuildSettings => settings => settings;

    /// <summary>Builds the solution.</summary>
    Target Compile => _ => _
        .Description("Build the solution once")
        .Executes(async context =>
        {
            var selection = Selection;
            var solution = BuildTarget;
            foreach (var (project, reason) in selection.Excluded)
            {
                context.Log.Info($"Left out: {project} ({reason})");
            }

            RunEvidence.WriteFile("projects.json", ProjectsDocument(selection));
            var buildTargets = BuildTargetsPath;
            if (Directory.Exists(BuildInfoDirectory))
            {
                Directory.Delete(BuildInfoDirectory, recursive: true);
            }

            var projects = selection.Included;
            var stampFile = RootDirectory / ".nuke" / "temp" / "restore.stamp";
            var restored = RestoreStamp.Holds(stampFile, RestoreStamp.Current(RootDirectory, projects, this.Read(() => Configuration), BuildProperties));
            var result = await BuildAsync(solution, buildTargets, restore: !restored, context.Cancellation).ConfigureAwait(false);
            if (!result.Succeeded && restored)
            {
                context.Log.Info("The build without a restore failed; building again with the restore.");
                result = await BuildAsync(solution, buildTargets, restore: true, context.Cancellation, force: true).ConfigureAwait(false);
            }

            if (!result.Succeeded)
            {
                File.Delete(stampFile);
                throw new TargetFailedException($"dotnet build {Built(solution)} exited {result.ExitCode}:\n{result.Tail(25)}");
            }

            // Test applications on Microsoft.Testing.Platform that lack an extension the gates read get Tollgate's pinned one,
            // compiled in: the first build tells which; the build runs again (restoring them) only when that list changed.
            if (SupplyPlatformExtensions(context.Log))
            {
                result = await BuildAsync(solution, buildTargets, restore: true, context.Cancellation).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    File.Delete(stampFile);
                    throw new TargetFailedException($"dotnet build {Built(solution)} with Tollgate's Microsoft.Testing.Platform extensions ({PlatformExtensionsPath.RelativeTo(RootDirectory)}) exited {result.ExitCode}:\n{result.Tail(25)}");
                }
            }

            if (RestoreStamp.Current(RootDirectory, projects, this.Read(() => Configuration), BuildProperties) is { } stamp)
            {
                File.WriteAllText(stampFile, stamp);
            }

            // A run that packages builds with the version; when it cannot be computed the build is unversioned, and that is said
            // here, on the console and in the evidence (the target's headline), even when a failing gate keeps Package from saying it.
            var unversioned = UnstampedVersion;
            if (unversioned is not null)
            {
                context.Log.Warn($"Built without a version, so Package cannot pack this run: {unversioned}");
            }

            context.Headline = $"built {SolutionFile.Name} ({this.Read(() => Configuration)}){(selection.Excluded.Count == 0 ? "" : $", {selection.Included.Count} of {selection.Included.Count + selection.Excluded.Count} projects")}"
                + (unversioned is null ? "" : $", unversioned: {unversioned}");
        });

    // What the build built, as the message names it: the solution, or the selection Tollgate wrote of its projects.
    private string Built(AbsolutePath target) => target == SolutionFile
        ? SolutionFile.RelativeTo(RootDirectory)
        : $"{target.RelativeTo(RootDirectory)} (the projects chosen from {SolutionFile.RelativeTo(RootDirectory)})";

    /// <summary>The extensions Tollgate adds to test applications that lack them (<see cref="PlatformExtensions"/>).</summary>
    internal AbsolutePath PlatformExtensionsPath => RootDirectory / ".nuke" / "temp" / PlatformExtensions.FileName;

    // Writes the extensions the built test applications need; true when that changed what the build must restore.
    private bool SupplyPlatformExtensions(BuildLog log)
    {
        var plan = PlatformExtensions.Plan(
            BuildInfo.Read(BuildInfoDirectory), GlobalJson.UsesTestingPlatform(RootDirectory),
            PolicyDefaults.Current.ToolVersion(TestingFacts.TrxExtension), PolicyDefaults.Current.ToolVersion(TestingFacts.CoverletExtension),
            PolicyDefaults.Current.ToolVersion(TestingFacts.HangExtension));
        if (plan.Count == 0 && !File.Exists(PlatformExtensionsPath))
        {
            return false;
        }

        if (!IO.AtomicFile.WriteIfChanged(PlatformExtensionsPath, PlatformExtensions.Render(plan)))
        {
            return false;
        }

        foreach (var supply in plan)
        {
            log.Info($"Supplying {string.Join(" and ", supply.Packages.Select(p => $"{p.Key} {p.Value}"))} to {IO.PortablePath.Relative(RootDirectory, supply.Project)} (it references none); building it again.");
        }

        return true;
    }

    // projects.json in the evidence: what every gate worked on, and what was left out and why.
    private string ProjectsDocument(ProjectSelection selection) => System.Text.Json.JsonSerializer.Serialize(
        new
        {
            solution = SolutionFile.RelativeTo(RootDirectory),
            included = selection.Included.Select(p => IO.PortablePath.Relative(RootDirectory, p)).ToList(),
            excluded = selection.Excluded.Select(e => new { project = e.Project, reason = e.Reason }).ToList(),
        },
        EvidenceJson.Options) + "\n";

    // force: resolve every dependency again, as after a restore Tollgate wrongly thought still held.
    private Task<ProcessResult> BuildAsync(AbsolutePath solution, string buildTargets, bool restore, CancellationToken cancellation, bool force = false) =>
        ProcessRunner.RunAsync(
            ToolHooks.Apply(new DotnetBuildSettings
            {
                Target = solution,
                Configuration = this.Read(() => Configuration),
                Properties = BuildProperties,
                Restore = restore,
                Force = force,
                BuildTargets = buildTargets,
                BuildInfo = BuildInfoDirectory,
            }).ToProcess(DotnetCli.Program, RootDirectory, installHint: DotnetCli.InstallHint),
            cancellation);
}
