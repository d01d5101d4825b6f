using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>Which code is built, in which configuration, with which extra MSBuild properties.</summary>
public interface IHazSolution : ITollgateBuild
{
    /// <summary>The solution or project; by default the one solution file at the root.</summary>
    [Parameter("The solution or project to build; when not given, the one .sln/.slnx at the root")]
    AbsolutePath? Solution => this.ValueOf(() => Solution, null);

    /// <summary>The build configuration.</summary>
    [Parameter("Build configuration")]
    string Configuration => this.ValueOf(() => Configuration, "Release");

    /// <summary>Extra properties for every build, test and pack.</summary>
    [Parameter("Extra MSBuild properties for every build, test and pack, as Name=Value")]
    string[] MSBuildProperties => this.ValueOf(() => MSBuildProperties, []);

    /// <summary>Which projects of the solution every gate works on.</summary>
    [Parameter("Projects to work on, by file name or repository-relative path pattern, e.g. src/* (default: every project of the solution)")]
    string[] Projects => this.ValueOf(() => Projects, []);

    /// <summary>Which projects of the solution no gate touches.</summary>
    [Parameter("Projects to leave out of every gate, e.g. *.IntegrationTests.csproj samples/*")]
    string[] ExcludeProjects => this.ValueOf(() => ExcludeProjects, []);

    /// <summary>The solution, filter (.slnf) or project named, checked to exist.</summary>
    AbsolutePath SolutionFile => SolutionLocator.Locate(RootDirectory, this.Read(() => Solution));

    /// <summary>The projects every gate works on, and those left out with the reason.</summary>
    internal ProjectSelection Selection => ProjectSelection.Of(RootDirectory, SolutionFile, this.Read(() => Projects), this.Read(() => ExcludeProjects));

    /// <summary>What is built, formatted, restored and packed: the solution, or a solution of the chosen projects.</summary>
    internal AbsolutePath BuildTarget => new(Selection.BuildTarget(RootDirectory / ".nuke" / "temp" / "selection"));

    /// <summary>The extra properties, checked to be <c>Name=Value</c>.</summary>
    internal IReadOnlyList<string> CheckedMSBuildProperties => this.Read(() => MSBuildProperties).Select(property =>
        property.IndexOf('=', StringComparison.Ordinal) > 0
            ? property
            : throw new BuildException($"--msbuild-properties '{property}' is not Name=Value; write it as e.g. UseAppHost=false.")).ToList();

    /// <summary>
    /// The properties every build, restore and tool run of this run gets, so that none of them finds the others' outputs
    /// out of date: <c>--msbuild-properties</c>, the solution's own properties when a selection of its projects is built
    /// (<see cref="ProjectSelection.SolutionProperties"/>), and the version when the run packages (<see cref="StampedVersion"/>).
    /// </summary>
    internal IReadOnlyList<string> BuildProperties => [.. CheckedMSBuildProperties, .. SelectionProperties, .. StampedVersion];

    // A gate that needs no solution (SecurityScan's secret scan) asks for no solution when no selection was asked for.
    private IReadOnlyList<string> SelectionProperties =>
        this.Read(() => Projects).Length == 0 && this.Read(() => ExcludeProjects).Length == 0
            && !string.Equals(Path.GetExtension(this.Read(() => Solution)?.ToString()), ".slnf", StringComparison.OrdinalIgnoreCase)
            ? []
            : Selection.SolutionProperties();

    /// <summary>The version properties Compile stamps on the assemblies: none, unless a component that packages this run asks for them.</summary>
    internal IReadOnlyList<string> StampedVersion => [];

    /// <summary>Why the version this run asked for could not be stamped (a version below the declared one, a shallow clone); null when it was, or none was asked for.</summary>
    internal string? UnstampedVersion => null;
}
