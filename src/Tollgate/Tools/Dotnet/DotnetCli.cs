namespace Tollgate.Tools.Dotnet;

/// <summary>The argument lists of the <c>dotnet</c> commands Tollgate runs.</summary>
internal static class DotnetCli
{
    /// <summary>The program name.</summary>
    public const string Program = "dotnet";

    /// <summary>What to tell a user without the SDK.</summary>
    public const string InstallHint = "Install the .NET SDK named in global.json (./build.sh does so into .nuke/temp/dotnet).";

    /// <summary><c>dotnet build</c> of a solution or project, importing <paramref name="buildTargets"/> into every project, which report into <paramref name="buildInfo"/>.</summary>
    public static IReadOnlyList<string> Build(string target, string configuration, string buildTargets, string buildInfo, IReadOnlyList<string> properties) =>
        ["build", target, "--configuration", configuration, "--nologo", $"-p:CustomAfterMicrosoftCommonTargets={buildTargets}", $"-p:TollgateBuildInfo={buildInfo}", .. Properties(properties)];

    /// <summary><c>dotnet format --verify-no-changes</c> with a JSON report (whitespace, style and analyzers).</summary>
    public static IReadOnlyList<string> Format(string target, string reportDirectory) =>
        ["format", target, "--verify-no-changes", "--no-restore", "--report", reportDirectory];

    /// <summary><c>dotnet tool install</c> of a pinned version into a tool folder of Tollgate's own.</summary>
    public static IReadOnlyList<string> ToolInstall(string package, string version, string toolPath) =>
        ["tool", "install", package, "--version", version, "--tool-path", toolPath];

    /// <summary>
    /// <c>dotnet test --no-build</c> of one test project (for one framework, when given), with a TRX file of a known name
    /// and, optionally, the coverlet collector: the project's own, or the one in <paramref name="collectorPath"/>.
    /// </summary>
    public static IReadOnlyList<string> Test(
        string project, string configuration, string resultsDirectory, string trxFileName, bool collectCoverage, IReadOnlyList<string> properties,
        string? framework = null, string? collectorPath = null, string? hangTimeout = null)
    {
        var arguments = new List<string>
        {
            "test", project, "--no-build", "--configuration", configuration, "--nologo",
            "--results-directory", resultsDirectory, "--logger", $"trx;LogFileName={trxFileName}",
            // One line per test as it ends: Tollgate counts them to tell the progress of long runs.
            "--logger", "console;verbosity=normal",
        };
        if (framework is not null)
        {
            arguments.AddRange(["--framework", framework]);
        }

        if (hangTimeout is not null)
        {
            // A test that makes no progress for this long stops the test host; the blame collector names it (no dump).
            arguments.AddRange(["--blame-hang-timeout", hangTimeout, "--blame-hang-dump-type", "none"]);
        }

        if (collectCoverage)
        {
            arguments.AddRange(["--collect", "XPlat Code Coverage"]);
            if (collectorPath is not null)
            {
                arguments.AddRange(["--test-adapter-path", collectorPath]);
            }
        }

        arguments.AddRange(Properties(properties));
        return arguments;
    }

    /// <summary>
    /// <c>dotnet test --no-build</c> of one Microsoft.Testing.Platform test application in <c>dotnet test</c>'s platform mode,
    /// with the platform's own options: a TRX file through <paramref name="trxOption"/> (<c>--report-trx</c>, or xunit.v3's
    /// <c>--report-xunit-trx</c>), coverlet's Cobertura file when <paramref name="collectCoverage"/>, one line per test.
    /// </summary>
    public static IReadOnlyList<string> TestOnPlatform(
        string project, string configuration, string resultsDirectory, string trxOption, string trxFileName, bool collectCoverage,
        IReadOnlyList<string> properties, string framework, IReadOnlyList<string> filter, string? hangTimeout = null)
    {
        var arguments = new List<string>
        {
            "test", "--project", project, "--no-build", "--configuration", configuration, "--framework", framework,
            "--results-directory", resultsDirectory, trxOption, trxOption + "-filename", trxFileName,
            // One line per test as it ends (Tollgate counts them for progress), and no live progress bar in a log.
            "--output", "Detailed", "--no-progress", "--no-ansi",
        };
        if (collectCoverage)
        {
            arguments.AddRange(["--coverlet", "--coverlet-output-format", "cobertura"]);
        }

        arguments.AddRange(HangOptions(hangTimeout));
        arguments.AddRange(filter);
        arguments.AddRange(Properties(properties));
        return arguments;
    }

    // Microsoft's hang extension: a test application whose tests make no progress for this long is stopped, naming them (no dump).
    private static IEnumerable<string> HangOptions(string? hangTimeout) =>
        hangTimeout is null ? [] : ["--hangdump", "--hangdump-timeout", hangTimeout, "--hangdump-type", "None"];

    /// <summary>
    /// A Microsoft.Testing.Platform test application run itself (<c>dotnet exec</c> of its built assembly), with the options
    /// <see cref="TestOnPlatform"/> gives it through <c>dotnet test</c>: a TRX file, coverlet's Cobertura file, one line per test.
    /// </summary>
    public static IReadOnlyList<string> TestApplication(
        string application, string resultsDirectory, string trxOption, string trxFileName, bool collectCoverage, IReadOnlyList<string> filter, string? hangTimeout = null) =>
        [
            "exec", application, "--results-directory", resultsDirectory, trxOption, trxOption + "-filename", trxFileName, "--output", "Detailed", "--no-ansi",
            .. collectCoverage ? ["--coverlet", "--coverlet-output-format", "cobertura"] : Array.Empty<string>(), .. HangOptions(hangTimeout), .. filter,
        ];

    /// <summary><c>dotnet restore</c> with NuGet's audit on for direct and transitive packages at every severity.</summary>
    public static IReadOnlyList<string> RestoreWithAudit(string target) =>
        ["restore", target, "-p:NuGetAudit=true", "-p:NuGetAuditMode=all", "-p:NuGetAuditLevel=low"];

    /// <summary><c>dotnet list package --vulnerable --include-transitive --format json</c>, with a NuGet.Config of audit sources when given.</summary>
    public static IReadOnlyList<string> ListVulnerable(string target, string? configFile) =>
        ["list", target, "package", "--vulnerable", "--include-transitive", "--format", "json", .. configFile is null ? Array.Empty<string>() : ["--configfile", configFile]];

    /// <summary><c>dotnet pack</c> of the packable projects, with symbols (snupkg), into <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> Pack(string target, string configuration, string output, IReadOnlyList<string> properties, bool noBuild = false) =>
        ["pack", target, "--configuration", configuration, "--nologo", "--output", output, .. noBuild ? ["--no-build"] : Array.Empty<string>(), "--include-symbols", "-p:SymbolPackageFormat=snupkg", .. Properties(properties)];

    /// <summary><c>dotnet publish</c> of one project into <paramref name="output"/>.</summary>
    public static IReadOnlyList<string> Publish(string project, string configuration, string output, IReadOnlyList<string> properties) =>
        ["publish", project, "--configuration", configuration, "--nologo", "--output", output, .. Properties(properties)];

    /// <summary>
    /// <c>dotnet nuget push</c> of one package; the source and the API key come from the response file <paramref name="responses"/>
    /// (<see cref="NuGetPushSecrets"/>), never the command line; never <c>--skip-duplicate</c>, so an existing version is an error.
    /// </summary>
    public static IReadOnlyList<string> NuGetPush(string package, string responses, string? configFile) =>
        ["nuget", "push", package, "@" + responses, .. configFile is null ? Array.Empty<string>() : ["--configfile", configFile]];

    /// <summary>The lines of a push's response file: the source and, when there is one, the API key, one word a line.</summary>
    public static IReadOnlyList<string> NuGetPushSecrets(string source, string? apiKey) =>
        ["--source", source, .. apiKey is null ? Array.Empty<string>() : ["--api-key", apiKey]];

    /// <summary><c>Name=Value</c> pairs as <c>-p:Name=Value</c>.</summary>
    public static IEnumerable<string> Properties(IReadOnlyList<string> properties) => properties.Select(p => $"-p:{p}");
}
