namespace Tollgate.Tests.Support;

/// <summary>One folder for the .NET tools Tollgate installs (Stryker, ReportGenerator), shared by the tests so each installs once per machine.</summary>
internal static class SharedTools
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tollgate-tests-tools");

    /// <summary>The folder of the coverlet.collector Tollgate supplied (for a bare dotnet test --test-adapter-path); a gate run must have downloaded it.</summary>
    public static string CoverletCollector => System.IO.Path.GetDirectoryName(
        Directory.GetFiles(System.IO.Path.Combine(Path, "coverlet.collector"), "coverlet.collector.dll", SearchOption.AllDirectories)
            .Single(f => f.Contains($"{System.IO.Path.DirectorySeparatorChar}build{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)))!;
}
