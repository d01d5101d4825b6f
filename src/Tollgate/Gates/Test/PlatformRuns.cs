using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Test;

/// <summary>
/// How a Microsoft.Testing.Platform test application is run and what it reports with: itself when it enters the platform on
/// its own (on the platform's version 2), else through <c>dotnet test</c> in the platform's mode; its TRX file by Microsoft's
/// extension (<c>--report-trx</c>) or by xunit.v3's own reporter (<c>--report-xunit-trx</c>), its coverage by coverlet.MTP,
/// a shard's test classes by the platform's filter; or, when it cannot be run as the gate needs, why not and what to do.
/// </summary>
internal static class PlatformRuns
{
    /// <summary>What decides one application's run.</summary>
    /// <param name="Run">The run, when it can be made.</param>
    /// <param name="Problem">Why it cannot, naming the project, the package and the fix.</param>
    internal sealed record Decision(PlatformRun? Run, string? Problem);

    /// <summary>Decides the run of <paramref name="project"/>, with the VSTest <paramref name="filter"/> of the build and the shard's <paramref name="classes"/>.</summary>
    public static Decision For(ProjectInfo project, string relative, string? filter, IReadOnlyList<string> classes, bool collectCoverage)
    {
        var facts = project.Facts;
        var packages = facts.PlatformPackages;
        var xunit = packages.ContainsKey(TestingFacts.XunitV3Package);
        string trx;
        if (packages.ContainsKey(TestingFacts.TrxExtension))
        {
            trx = "--report-trx";
        }
        else if (xunit)
        {
            trx = "--report-xunit-trx";
        }
        else
        {
            return new Decision(null, $"{relative} runs on Microsoft.Testing.Platform {Platform(facts)} without a TRX reporter, so its results cannot be read, and Tollgate's {TestingFacts.TrxExtension} needs the platform's version 2: add <PackageReference Include=\"{TestingFacts.TrxExtension}\" /> of the platform's version to it, or move it to the platform's version 2.");
        }

        var coverlet = packages.ContainsKey(TestingFacts.CoverletExtension);
        if (collectCoverage && !coverlet)
        {
            return new Decision(null, $"{relative} runs on Microsoft.Testing.Platform {Platform(facts)}, and coverlet.MTP, which Tollgate would supply, needs the platform's version 2: move the project to it (xunit.v3: reference xunit.v3.mtp-v2), or run without coverage (--collect-coverage false).");
        }

        IReadOnlyList<string> filterOptions = [];
        if (xunit)
        {
            if (filter is not null)
            {
                return new Decision(null, $"{relative} runs on xunit.v3's Microsoft.Testing.Platform runner, which takes no VSTest filter ('{filter}' from the build's TestSettings.Filter): choose its tests with TestSettings.Arguments (--filter-query, --filter-class, --filter-trait) instead.");
            }

            filterOptions = classes.SelectMany(c => new[] { "--filter-class", c }).ToList();
        }
        else
        {
            var combined = VSTestFilter(filter, classes);
            filterOptions = combined is null ? [] : ["--filter", combined];
        }

        // An application that enters the platform on its own is run itself: dotnet test would start it the same way, from its
        // output folder, after an MSBuild evaluation of its project that costs about a second of processor time per project.
        var direct = facts.RunsDirectly && facts.PlatformMajor >= 2 && File.Exists(project.TargetPath) ? project.TargetPath : null;
        return new Decision(new PlatformRun(trx, coverlet, filterOptions, direct, packages.ContainsKey(TestingFacts.HangExtension)), null);
    }

    /// <summary>The build's VSTest filter combined with a shard's test classes (<c>FullyQualifiedName~Ns.Class.</c>); null: all tests.</summary>
    public static string? VSTestFilter(string? own, IReadOnlyList<string> classes)
    {
        var shard = classes.Count == 0 ? null : string.Join('|', classes.Select(c => $"FullyQualifiedName~{c}."));
        return (own, shard) switch
        {
            (null, var only) => only,
            (var build, null) => build,
            var (build, only) => $"({build})&({only})",
        };
    }

    private static string Platform(TestingFacts facts) => facts.PlatformPackages.GetValueOrDefault(TestingFacts.PlatformPackage, "(version unknown)");

    /// <summary>The evidence's line on who reported: "Microsoft.Testing.Platform 2.5.3; TRX by the project's own Microsoft.Testing.Extensions.TrxReport 2.5.3".</summary>
    public static string Reporters(ProjectInfo project, PlatformRun run)
    {
        var trx = run.TrxOption == "--report-trx" ? $"TRX by {Whose(project.Facts, TestingFacts.TrxExtension)}" : $"TRX by xunit.v3's own reporter ({Versioned(project.Facts, TestingFacts.XunitV3Package)})";
        return $"{Versioned(project.Facts, TestingFacts.PlatformPackage)}; {trx}";
    }

    /// <summary>"the project's own coverlet.MTP 10.1.1", or "Tollgate's coverlet.MTP 10.1.1 (the project references none)".</summary>
    public static string Whose(TestingFacts facts, string package) =>
        facts.Owns(package) ? $"the project's own {Versioned(facts, package)}" : $"Tollgate's {Versioned(facts, package)} (the project references none)";

    private static string Versioned(TestingFacts facts, string id) => facts.PlatformPackages.TryGetValue(id, out var version) ? $"{id} {version}" : id;
}
