using Tollgate.Evidence;
using Tollgate.Gates;
using Tollgate.Gates.Compile;
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
            var inputs = new CompileInputs
            {
                Scope = new BuildScope(RootDirectory, [], solution, this.Read(() => Configuration), BuildProperties),
                TargetName = Built(solution),
                Projects = selection.Included,
                BuildTargets = BuildTargetsPath,
                BuildInfoDirectory = BuildInfoDirectory,
                StampFile = RootDirectory / ".nuke" / "temp" / "restore.stamp",
                ExtensionsFile = PlatformExtensionsPath,
                ExtensionVersions = (PolicyDefaults.Current.ToolVersion(TestingFacts.TrxExtension), PolicyDefaults.Current.ToolVersion(TestingFacts.CoverletExtension),
                    PolicyDefaults.Current.ToolVersion(TestingFacts.HangExtension)),
            };
            try
            {
                await new CompileStep(ProcessRunner, context.Log.Info, ToolHooks).RunAsync(inputs, context.Cancellation).ConfigureAwait(false);
            }
            catch (InvalidDataException failed)
            {
                throw new TargetFailedException(failed.Message);
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

    // projects.json in the evidence: what every gate worked on, and what was left out and why.
    private string ProjectsDocument(ProjectSelection selection) => System.Text.Json.JsonSerializer.Serialize(
        new
        {
            solution = SolutionFile.RelativeTo(RootDirectory),
            included = selection.Included.Select(p => IO.PortablePath.Relative(RootDirectory, p)).ToList(),
            excluded = selection.Excluded.Select(e => new { project = e.Project, reason = e.Reason }).ToList(),
        },
        EvidenceJson.Options) + "\n";
}
