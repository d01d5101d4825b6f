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
/// </summary>
internal static class PropertyEnvironment
{
    /// <summary>The variables for the tool's process (null when there are no properties); the targets file is written into <paramref name="directory"/>.</summary>
    public static IReadOnlyDictionary<string, string?>? Environment(IReadOnlyList<string> properties, string directory)
    {
        if (properties.Count == 0)
        {
            return null;
        }

        Directory.CreateDirectory(directory);
        var pairs = properties.Select(p => p.Split('=', 2)).Select(p => (Name: p[0].Trim(), Value: p[1])).ToList();
        var targets = Path.Combine(directory, "tollgate-properties.targets");
        File.WriteAllText(targets, $"""
            <Project>
              <!-- Written by Tollgate for one tool's run: the build's -p: properties. -->
              <PropertyGroup>
            {string.Join("\n", pairs.Select(p => $"    <{p.Name}>{SecurityElement.Escape(p.Value)}</{p.Name}>"))}
              </PropertyGroup>
            </Project>

            """);
        var variables = pairs.ToDictionary(p => p.Name, p => (string?)p.Value, StringComparer.Ordinal);
        variables["CustomAfterMicrosoftCommonTargets"] = targets;
        variables["CustomAfterMicrosoftCommonCrossTargetingTargets"] = targets;
        return variables;
    }
}
