namespace Tollgate.Tests.Support;

/// <summary>One folder for the .NET tools Tollgate installs (Stryker, ReportGenerator), shared by the tests so each installs once per machine.</summary>
internal static class SharedTools
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tollgate-tests-tools");
}
