namespace Tollgate.Tools.Dotnet;

/// <summary>What the build said of one project and target framework.</summary>
/// <param name="Project">The project file's full path.</param>
/// <param name="Framework">The target framework.</param>
/// <param name="IsTestProject">Whether MSBuild's IsTestProject is true.</param>
/// <param name="TargetPath">The built assembly.</param>
/// <param name="Sarif">Where its compiler log is.</param>
/// <param name="Sdk">The SDK version that built it.</param>
/// <param name="IsPackable">Whether MSBuild's IsPackable is not false (the SDK's default is true).</param>
/// <param name="References">The full paths of the projects it references.</param>
/// <param name="CoverageCollector">The version of coverlet.collector it references (<c>central</c> when central package management sets it); null when it references none.</param>
internal sealed record ProjectInfo(
    string Project, string Framework, bool IsTestProject, string TargetPath, string Sarif, string Sdk, bool IsPackable = true,
    IReadOnlyList<string>? References = null, string? CoverageCollector = null)
{
    /// <summary>The projects it references (none when the build did not say).</summary>
    public IReadOnlyList<string> ProjectReferences => References ?? [];
}
