using Tollgate.Engine;

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

    /// <summary>The solution or project to build, checked to exist.</summary>
    AbsolutePath SolutionFile => SolutionLocator.Locate(RootDirectory, Solution);

    /// <summary>The extra properties, checked to be <c>Name=Value</c>.</summary>
    IReadOnlyList<string> CheckedMSBuildProperties => MSBuildProperties.Select(property =>
        property.IndexOf('=', StringComparison.Ordinal) > 0
            ? property
            : throw new BuildException($"--msbuild-properties '{property}' is not Name=Value; write it as e.g. UseAppHost=false.")).ToList();
}
