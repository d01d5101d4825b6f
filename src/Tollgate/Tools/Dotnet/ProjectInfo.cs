namespace Tollgate.Tools.Dotnet;

/// <summary>What the build said of one project and target framework.</summary>
/// <param name="Project">The project file's full path.</param>
/// <param name="Framework">The target framework.</param>
/// <param name="IsTestProject">Whether it is a test project, on VSTest or on Microsoft.Testing.Platform (<see cref="TestingFacts.IsTest"/>).</param>
/// <param name="TargetPath">The built assembly.</param>
/// <param name="Sarif">Where its compiler log is.</param>
/// <param name="Sdk">The SDK version that built it.</param>
/// <param name="IsPackable">Whether MSBuild's IsPackable is not false (the SDK's default is true).</param>
/// <param name="References">The full paths of the projects it references.</param>
/// <param name="CoverageCollector">The version of coverlet.collector it references (<c>central</c> when central package management sets it); null when it references none.</param>
/// <param name="Testing">What it says of itself as a test project; null: a VSTest project when <paramref name="IsTestProject"/>.</param>
internal sealed record ProjectInfo(
    string Project, string Framework, bool IsTestProject, string TargetPath, string Sarif, string Sdk, bool IsPackable = true,
    IReadOnlyList<string>? References = null, string? CoverageCollector = null, TestingFacts? Testing = null)
{
    /// <summary>The projects it references (none when the build did not say).</summary>
    public IReadOnlyList<string> ProjectReferences => References ?? [];

    /// <summary>Its test facts (a plain VSTest project when the build did not say).</summary>
    public TestingFacts Facts => Testing ?? (IsTestProject ? new TestingFacts(true, false, false, false) : TestingFacts.None);

    /// <summary>The platform its tests run on in a repository that does or does not run <c>dotnet test</c> on Microsoft.Testing.Platform.</summary>
    public TestPlatform? PlatformIn(bool repositoryUsesPlatform) => Facts.Platform(repositoryUsesPlatform);
}
