using System.Security;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// The build's <c>-p:</c> properties for tools that take none: Stryker.NET 5.1 (whose builds also ignore a
/// <c>Directory.Build.rsp</c>), <c>dotnet format</c> and <c>dotnet list package</c>. They reach them two ways,
/// neither touching a file of the repository: each as an environment variable of the tool's process (MSBuild
/// reads environment variables as properties, so a switch such as
/// <c>ReleasedFrameworksOnly=true</c> is seen from the first import on), and in a targets file Tollgate writes for
/// the run and names in <c>CustomAfterMicrosoftCommonTargets</c> and <c>CustomAfterMicrosoftCommonCrossTargetingTargets</c>
/// (imported after the project's own settings, so a property the project sets itself, such as
/// <c>TargetFrameworks</c>, is overridden as <c>-p:</c> overrides it).
/// A tool that builds the projects again after the run's build (Stryker) is also handed the build's own targets
/// (<see cref="BuildTargetsFile"/>) with <c>TollgateKeepBuildOutputs</c>: its build then compiles with the run's
/// settings and finds every project up to date, where without them it would compile all of them again.
/// </summary>
internal static class PropertyEnvironment
{
    /// <summary>The variables for the tool's process (null when there is nothing to hand over); the targets file is written into <paramref name="directory"/>.</summary>
    /// <param name="properties">The build's <c>-p:</c> properties (<c>Name=Value</c>).</param>
    /// <param name="directory">Where the targets file goes.</param>
    /// <param name="buildTargets">The run's <see cref="BuildTargetsFile"/>, for a tool that builds the projects again; null for one that does not.</param>
    public static IReadOnlyDictionary<string, string?>? Environment(IReadOnlyList<string> properties, string directory, string? buildTargets = null)
    {
        if (properties.Count == 0 && buildTargets is null)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var pairs = properties.Select(p => p.Split('=', 2)).Select(p => (Name: p[0].Trim(), Value: p[1])).ToList();
        var targets = Path.Combine(directory, "tollgate-properties.targets");
        File.WriteAllText(targets, $"""
            <Project>
              <!-- Written by Tollgate for one tool's run: the build's -p: properties{(buildTargets is null ? "" : " and targets")}. -->
              <PropertyGroup>
            {string.Join("\n", pairs.Select(p => $"    <{p.Name}>{SecurityElement.Escape(p.Value)}</{p.Name}>"))}
              </PropertyGroup>
            {(buildTargets is null ? "" : $"  <Import Project=\"{SecurityElement.Escape(buildTargets)}\" Condition=\"'$(IsCrossTargetingBuild)' != 'true'\" />")}
            </Project>

            """);
        var variables = pairs.ToDictionary(p => p.Name, p => (string?)p.Value, StringComparer.Ordinal);
        variables["CustomAfterMicrosoftCommonTargets"] = targets;
        variables["CustomAfterMicrosoftCommonCrossTargetingTargets"] = targets;
        if (buildTargets is not null)
        {
            variables["TollgateKeepBuildOutputs"] = "true";

            // MSBuild counts the newest imported file among every compilation's inputs: a file written now would make
            // the tool's build compile everything again. What it holds was in effect for the run's build, so it
            // takes the time of the build's own targets file, which that build imported.
            File.SetLastWriteTimeUtc(targets, File.GetLastWriteTimeUtc(buildTargets));
        }

        return variables;
    }
}
