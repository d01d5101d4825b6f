using System.Globalization;
using Tollgate.Gates.Cache;
using Tollgate.IO;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Trx;

namespace Tollgate.Gates.Test;

/// <summary>
/// The Test gate's units in the result cache: one test project for one framework. Its key holds the content of the project
/// and every project it references (transitively), the repository's build files above them, the resolved packages, the SDK,
/// the test platform and coverage collector versions, and the digest of the run's command with the checkout's paths left out (so a
/// build's settings hook, a filter or a shard's classes are in it). Only a run that passed is stored: its results folder
/// (TRX, Cobertura) whole; a reused Cobertura file gets this checkout's source paths.
/// </summary>
internal sealed class TestCache(CacheContext context, string root, IReadOnlyList<ProjectInfo> built, string collectorVersion, string toolsDirectory)
{
    /// <summary>The cache's unit name of a run.</summary>
    public string UnitOf(TestRun run) => $"{PortablePath.Relative(root, run.Project)} ({run.Framework})";

    /// <summary>Everything the run's result depends on.</summary>
    public KeyIngredients Ingredients(TestRun run)
    {
        var project = built.First(p => p.Project == run.Project && p.Framework == run.Framework);
        var ingredients = context.Base(TestGate.Name).Add(context.Sources.OfProjectClosure(run.Project, built)).Add(context.Extra)
            .Add("sdk", project.Sdk)
            .Add("framework", run.Framework)
            .AddCommand("command", run.Settings, root, toolsDirectory);
        // The tools this run's result depends on, whatever else the run's shard holds: the platform's version, or the
        // collector Tollgate supplies to a VSTest project without one.
        if (run.Settings.OnTestingPlatform)
        {
            ingredients.Add("tool:" + TestingFacts.PlatformPackage, project.Facts.PlatformPackages?.GetValueOrDefault(TestingFacts.PlatformPackage));
        }
        else if (project.CoverageCollector is null)
        {
            ingredients.Add("tool:" + CoverageCollectorPackage.Package, collectorVersion);
        }

        return ingredients;
    }

    /// <summary>The run's outcome from a cache entry, its files written into the run's results folder.</summary>
    public TestProjectOutcome Restore(TestRun run, CacheEntry entry)
    {
        var directory = run.Settings.ResultsDirectory;
        entry.Restore(directory);
        RebaseCoverage(run);

        var trx = Path.Combine(directory, run.Settings.TrxFileName);
        var results = File.Exists(trx) ? TrxReader.Read(trx) : throw new InvalidDataException($"the cache entry of {UnitOf(run)} holds no {run.Settings.TrxFileName}");
        return new TestProjectOutcome(PortablePath.Relative(root, run.Project), 0, results, null, run.Framework);
    }

    /// <summary>
    /// The run's Cobertura files with their source paths in this checkout, written the one way (so a file reused and a file
    /// just written are the same bytes, and the coverage merge's key does not depend on which it was).
    /// </summary>
    public void RebaseCoverage(TestRun run)
    {
        var directory = run.Settings.ResultsDirectory;
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var cobertura in Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories).Where(f => Path.GetFileName(f).Contains("cobertura", StringComparison.OrdinalIgnoreCase)))
        {
            CoberturaRebase.Copy(cobertura, cobertura, root);
        }
    }

    /// <summary>Whether an outcome is worth keeping: it ran, wrote results, nothing failed or hung.</summary>
    public static bool Keeps(TestProjectOutcome outcome) =>
        outcome is { ExitCode: 0, Problem: null, Results: { Failed: 0 } results } && !outcome.HasHung && results.Passed > 0;

    /// <summary>The values kept with a stored run.</summary>
    public static IReadOnlyDictionary<string, string> Data(TestProjectOutcome outcome) => new Dictionary<string, string>
    {
        ["passed"] = outcome.Results!.Passed.ToString(CultureInfo.InvariantCulture),
        ["skipped"] = outcome.Results.Skipped.ToString(CultureInfo.InvariantCulture),
    };
}
