using Tollgate.Tools.Dotnet;

namespace Tollgate;

/// <summary>
/// One test run in Test: a test project for one of its target frameworks, through <c>dotnet test</c> (VSTest, or
/// Microsoft.Testing.Platform's mode), or a Microsoft.Testing.Platform application run itself. The hook is called once per
/// run with the project and framework filled in, so it can treat one project apart:
/// <c>s =&gt; s.Project.EndsWith("Slow.Tests.csproj") ? s with { BlameHangTimeout = "2h" } : s</c>.
/// </summary>
public sealed record DotnetTestSettings : ToolSettings
{
    /// <summary>The test project, a full path.</summary>
    public string Project { get; internal init; } = "";

    /// <summary>The target framework of this run (<c>--framework</c>).</summary>
    public string Framework { get; internal init; } = "";

    /// <summary>The configuration the project was built in.</summary>
    public string Configuration { get; internal init; } = "";

    /// <summary>True for a Microsoft.Testing.Platform test application, false for a VSTest project.</summary>
    public bool OnTestingPlatform { get; internal init; }

    /// <summary>Where this run's TRX and coverage files go (<c>--results-directory</c>).</summary>
    public string ResultsDirectory { get; internal init; } = "";

    /// <summary>MSBuild properties of the run (<c>Name=Value</c>).</summary>
    public IReadOnlyList<string> Properties { get; init; } = [];

    /// <summary>
    /// A VSTest filter (e.g. <c>Category!=Slow</c>): <c>--filter</c> for VSTest and for MSTest's and NUnit's platform runners,
    /// joined with a shard's test classes. xunit.v3's platform runner takes no VSTest filter: use its own options in <see cref="ToolSettings.Arguments"/>.
    /// </summary>
    public string? Filter { get; init; }

    /// <summary>The hang timeout of this run (e.g. <c>5m</c>): VSTest's <c>--blame-hang-timeout</c>, the hang extension's <c>--hangdump-timeout</c>; by default the build's <c>--test-hang-timeout</c>.</summary>
    public string? BlameHangTimeout { get; init; }

    /// <summary>Whether the coverage collector runs.</summary>
    internal bool CollectCoverage { get; init; }

    /// <summary>The TRX file's name in <see cref="ResultsDirectory"/>.</summary>
    internal string TrxFileName { get; init; } = "results.trx";

    /// <summary>Where Tollgate's own coverlet.collector is, for a VSTest project that references none.</summary>
    internal string? CollectorPath { get; init; }

    /// <summary>The filter words decided for this run (the build's and a shard's); the renderer does not read <see cref="Filter"/> itself.</summary>
    internal IReadOnlyList<string> FilterOptions { get; init; } = [];

    /// <summary>How a Microsoft.Testing.Platform application reports and runs; null for VSTest.</summary>
    internal PlatformRun? Platform { get; init; }

    /// <inheritdoc />
    public override string Tool => "dotnet test";

    internal override IReadOnlyList<string> RenderArguments()
    {
        if (Platform is { Application: { } application } direct)
        {
            return DotnetCli.TestApplication(
                application, ResultsDirectory, direct.TrxOption, TrxFileName, CollectCoverage && direct.Coverlet, FilterOptions, direct.Hang ? BlameHangTimeout : null);
        }

        if (Platform is { } platform)
        {
            return DotnetCli.TestOnPlatform(
                Project, Configuration, ResultsDirectory, platform.TrxOption, TrxFileName, CollectCoverage && platform.Coverlet, Properties, Framework, FilterOptions,
                platform.Hang ? BlameHangTimeout : null);
        }

        return [.. DotnetCli.Test(Project, Configuration, ResultsDirectory, TrxFileName, CollectCoverage, Properties, Framework, CollectorPath, BlameHangTimeout), .. FilterOptions];
    }
}
