namespace Tollgate.Tools.Stryker;

/// <summary>Stryker.NET (<c>dotnet-stryker</c>): how Tollgate calls it and reads its exit codes.</summary>
internal static class StrykerTool
{
    /// <summary>The NuGet package.</summary>
    public const string Package = "dotnet-stryker";

    /// <summary>The command it installs.</summary>
    public const string Command = "dotnet-stryker";

    /// <summary>Where Stryker writes its JSON report under the output directory.</summary>
    public const string ReportPath = "reports/mutation-report.json";

    /// <summary>Where Stryker writes its HTML report under the output directory.</summary>
    public const string HtmlPath = "reports/mutation-report.html";

    /// <summary>The exit code Stryker uses for a score below <c>break</c>: a finished run, not an error.</summary>
    public const int BelowBreak = 2;

    /// <summary>The arguments: the config file, Tollgate's output directory, no version check (no network).</summary>
    public static IReadOnlyList<string> Arguments(string configFile, string output) =>
        ["--config-file", configFile, "--output", output, "--skip-version-check"];
}
