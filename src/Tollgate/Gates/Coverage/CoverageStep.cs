using Tollgate.Evidence;
using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.ReportGenerator;

namespace Tollgate.Gates.Coverage;

/// <summary>What the Coverage gate reads, in named groups: where the files are, the policy and its ratchet, what is counted, and ReportGenerator.</summary>
internal sealed record CoverageInputs
{
    /// <summary>The repository root.</summary>
    public required string Root { get; init; }

    /// <summary>Where the Test run left its coverage files.</summary>
    public required string TestResultsDirectory { get; init; }

    /// <summary>Where the merged reports go.</summary>
    public required string ReportDirectory { get; init; }

    /// <summary>The configuration the tests ran in (recorded: figures depend on it).</summary>
    public required string Configuration { get; init; }

    /// <summary>Thresholds and tolerance.</summary>
    public required CoveragePolicy Policy { get; init; }

    /// <summary>The ratchet, when there is one.</summary>
    public CoverageBaseline? Baseline { get; init; }

    /// <summary>ReportGenerator's assembly filters (<c>+Include</c>, <c>-Exclude</c>).</summary>
    public IReadOnlyList<string> AssemblyFilters { get; init; } = [];

    /// <summary>ReportGenerator's file filters.</summary>
    public IReadOnlyList<string> FileFilters { get; init; } = [];

    /// <summary>ReportGenerator: pinned, or given.</summary>
    public required PinnedTool ReportGenerator { get; init; }
}

/// <summary>
/// The Coverage gate from inputs to result: the Test run's coverage files merged by ReportGenerator (no second
/// test run), read from the merged Cobertura file and held to the policy and the baseline.
/// </summary>
/// <remarks>With a result cache, the merge is one unit: its key holds every coverage file's content, the sources they name, ReportGenerator's version and the filters; a hit restores the merged reports without starting ReportGenerator.</remarks>
internal sealed class CoverageStep(ProcessRunner runner, BundleWriter evidence, ToolHooks? hooks = null, Cache.CacheContext? cache = null)
{
    public async Task<GateResult> RunAsync(CoverageInputs inputs, CancellationToken cancellation)
    {
        var tools = new Dictionary<string, string> { [ReportGeneratorTool.Package] = inputs.ReportGenerator.Version };
        var settings = new Dictionary<string, string> { ["configuration"] = inputs.Configuration };
        var collected = CoverageRunner.CollectedFiles(inputs.TestResultsDirectory);
        if (collected.Count == 0)
        {
            return CoverageGate.Evaluate(null, [], inputs.Policy, inputs.Baseline, tools) with { Settings = settings };
        }

        var cached = cache is null || cache.Cache.Mode == Cache.CacheMode.Off || inputs.ReportGenerator.Given is not null ? null : cache;
        var key = cached?.Cache.Measure(() => MergeIngredients(cached, inputs, collected));
        var entry = key is null ? null : await cached!.Cache.ReadAsync(CoverageGate.Name, MergeUnit, key, cancellation).ConfigureAwait(false);
        string merged;
        if (entry is not null)
        {
            if (Directory.Exists(inputs.ReportDirectory))
            {
                Directory.Delete(inputs.ReportDirectory, recursive: true);
            }

            entry.Restore(inputs.ReportDirectory);
            merged = Path.Combine(inputs.ReportDirectory, ReportGeneratorTool.CoberturaFile);
        }
        else
        {
            var reportGenerator = await ToolChoice.OfAsync(
                new DotnetTools(runner, inputs.ReportGenerator.Directory), inputs.ReportGenerator.Given, "report-generator-executable", inputs.Root,
                ReportGeneratorTool.Package, inputs.ReportGenerator.Version, ReportGeneratorTool.Command, cancellation).ConfigureAwait(false);
            tools[ReportGeneratorTool.Package] = reportGenerator.Version;
            merged = await new CoverageRunner(runner, hooks).MergeAsync(
                reportGenerator.Program, collected, inputs.ReportDirectory, inputs.AssemblyFilters, inputs.FileFilters, inputs.Root, cancellation).ConfigureAwait(false);
            if (key is not null)
            {
                await cached!.Cache.WriteAsync(CoverageGate.Name, MergeUnit, key, new Dictionary<string, string>(), Cache.CacheEntry.FilesBelow(inputs.ReportDirectory), cancellation).ConfigureAwait(false);
            }
        }

        evidence.AddReportDirectory(CoverageGate.Name, inputs.ReportDirectory);
        var (counts, files) = CoberturaReader.Read(merged);
        var relative = files.Select(f => f with { File = Path.IsPathRooted(f.File) ? PortablePath.Relative(inputs.Root, f.File) : f.File.Replace('\\', '/') }).ToList();
        var result = CoverageGate.Evaluate(counts, relative, inputs.Policy, inputs.Baseline, tools) with { Settings = settings };
        if (entry is null)
        {
            return result;
        }

        var reused = Cache.CacheContext.Reused(entry);
        return result with { Headline = $"{result.Headline} (merge reused from {Cache.CacheContext.From([reused])})", Reused = [reused] };
    }

    private const string MergeUnit = "merged coverage";

    // What the merge depends on: each coverage file's content (by its place under the results folder), the content of the
    // sources they name (the HTML report shows them), ReportGenerator's version and the filters.
    private static Cache.KeyIngredients MergeIngredients(Cache.CacheContext cache, CoverageInputs inputs, IReadOnlyList<string> collected)
    {
        var ingredients = cache.Base(CoverageGate.Name)
            .Add("reportgenerator", inputs.ReportGenerator.Version)
            .AddDigest("filters", string.Join('\n', inputs.AssemblyFilters) + "\n--\n" + string.Join('\n', inputs.FileFilters));
        foreach (var file in collected)
        {
            ingredients.Add("coverage:" + PortablePath.Relative(inputs.TestResultsDirectory, file), cache.Sources.Of(file));
            foreach (var source in System.Xml.Linq.XDocument.Load(file).Descendants("class").Select(c => (string?)c.Attribute("filename")).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                var full = Path.IsPathRooted(source) ? source : Path.Combine(inputs.Root, source);
                ingredients.Add("file:" + PortablePath.Relative(inputs.Root, full), File.Exists(full) ? cache.Sources.Of(full) : "missing");
            }
        }

        return ingredients;
    }
}
