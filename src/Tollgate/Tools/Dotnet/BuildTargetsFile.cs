using Tollgate.IO;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// <c>Tollgate.Build.targets</c> (shipped in <c>shared-targets/msbuild/</c>, embedded here): imported into every
/// project of the build through <c>CustomAfterMicrosoftCommonTargets</c>, so the build writes each project's
/// compiler log (SARIF) and its facts (<see cref="ProjectInfo"/>) for the gates.
/// </summary>
internal static class BuildTargetsFile
{
    /// <summary>The file name.</summary>
    public const string FileName = "Tollgate.Build.targets";

    /// <summary>Writes the targets into <paramref name="directory"/> (when they differ) and returns the path.</summary>
    public static string WriteTo(string directory) =>
        EmbeddedText.WriteTo("Tollgate.Tools.Dotnet.Tollgate.Build.targets", Path.Combine(directory, FileName));
}
