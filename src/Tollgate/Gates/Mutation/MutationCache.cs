using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tollgate.Gates.Cache;
using Tollgate.IO;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Stryker;

namespace Tollgate.Gates.Mutation;

/// <summary>
/// Mutation's units in the result cache: the mutants of one source file. A file's key holds its own content and what every
/// mutant of the project depends on besides the sources (the project files of the project, of what it references and of its
/// test projects, the build files above them, resolved packages, the SDK, Stryker's version and the run's settings), not
/// the other source files: a mutant's status depends on the tests that cover it, so an entry also keeps, for each covering
/// test, its test file's digest, and is reused only while every one of those files is unchanged; a file with a mutant no
/// test covers is reused only while no test file changed at all. Older entries than the policy's age are tested again,
/// as a mutant's status can depend on code elsewhere. Stryker then mutates only the files not reused, and the project's
/// report is the two put together: every mutant, re-tested or kept, with the whole score.
/// </summary>
internal sealed class MutationCache(CacheContext context, string root, IReadOnlyList<ProjectInfo> built, KeyIngredients settings, TimeSpan maxAge)
{
    private const string SectionFile = "section.json";
    private const string TestsFile = "tests.json";

    /// <summary>The cache's unit name of a source file: its repository-relative path.</summary>
    public string UnitOf(string file) => PortablePath.Relative(root, file);

    /// <summary>The source files of <paramref name="target"/> Stryker mutates under <paramref name="mutate"/>, full paths.</summary>
    public static IReadOnlyList<string> FilesOf(MutationTarget target, IReadOnlyList<string> mutate)
    {
        var directory = Path.GetDirectoryName(target.Project)!;
        return SourceDigests.FilesBelow(directory)
            .Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .Where(f => StrykerGlob.Mutated(mutate, Path.GetRelativePath(directory, f).Replace('\\', '/')))
            .ToList();
    }

    /// <summary>What a file's mutants depend on besides the other source files.</summary>
    public KeyIngredients Ingredients(MutationTarget target, string file)
    {
        var ingredients = context.Base(MutationGate.Name);
        foreach (var project in target.TestProjects.Prepend(target.Project))
        {
            foreach (var (name, value) in context.Sources.OfProjectClosure(project, built).Values.Where(v => !v.Key.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
            {
                ingredients.Add(name, value);
            }
        }

        ingredients.Add(settings).Add(context.Extra);

        return ingredients
            .Add("sdk", built.FirstOrDefault(p => p.Project == target.Project)?.Sdk)
            .Add("framework", target.Framework)
            .Add("tests", string.Join(" ", target.TestProjects.Select(t => PortablePath.Relative(root, t)).Order(StringComparer.Ordinal)))
            .Add("file:" + UnitOf(file), context.Sources.Of(file));
    }

    /// <summary>Whether what Stryker tests replaces entries already stored (a forced full run, on a release tag).</summary>
    public bool Renew { get; init; }

    /// <summary>Which files' stored mutants still hold, and which Stryker must test.</summary>
    public async Task<(IReadOnlyDictionary<string, CacheEntry> Reused, IReadOnlyList<string> Retest)> PlanAsync(
        MutationTarget target, IReadOnlyList<string> files, Action<string> say, CancellationToken cancellation)
    {
        var reused = new Dictionary<string, CacheEntry>(StringComparer.Ordinal);
        var retest = new List<string>();
        var suite = context.Cache.Measure(() => SuiteDigest(target));
        foreach (var file in files)
        {
            var entry = await context.Cache.ReadAsync(MutationGate.Name, UnitOf(file), context.Cache.Measure(() => Ingredients(target, file)), cancellation).ConfigureAwait(false);
            var stale = entry is null ? null : Stale(entry, suite);
            if (entry is not null && stale is null)
            {
                reused[file] = entry;
            }
            else
            {
                if (stale is not null && context.Cache.Explain)
                {
                    say($"Cache: the mutants of {UnitOf(file)} are tested again: {stale}");
                }

                retest.Add(file);
            }
        }

        return (reused, retest);
    }

    /// <summary>Stores the mutants Stryker tested of <paramref name="files"/>, from its report; files the report does not hold are not stored.</summary>
    public async Task StoreAsync(MutationTarget target, IReadOnlyList<string> files, string report, CancellationToken cancellation)
    {
        if (!context.Cache.Mode.Writes() || JsonNode.Parse(File.ReadAllText(report)) is not JsonObject json || json["files"] is not JsonObject sections)
        {
            return;
        }

        var tests = TestIndex(json);
        var suite = context.Cache.Measure(() => SuiteDigest(target));
        foreach (var file in files)
        {
            if (sections[file] is not JsonObject section)
            {
                continue;
            }

            var mutants = section["mutants"] as JsonArray ?? [];
            var ids = mutants.OfType<JsonObject>().SelectMany(Covering).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Any(id => !tests.ContainsKey(id)))
            {
                continue; // a covering test the report does not place in a file: its change could not be seen, so nothing is kept
            }

            var testFiles = new JsonObject(ids.Order(StringComparer.Ordinal).Select(id => KeyValuePair.Create(id, (JsonNode?)new JsonObject
            {
                ["file"] = PortablePath.Relative(root, tests[id].File),
                ["name"] = tests[id].Name,
                ["digest"] = File.Exists(tests[id].File) ? context.Sources.Of(tests[id].File) : "missing",
            })));
            var data = new Dictionary<string, string>
            {
                ["suite"] = suite,
                ["mutants"] = mutants.Count.ToString(CultureInfo.InvariantCulture),
            };
            await context.Cache.WriteAsync(MutationGate.Name, UnitOf(file), context.Cache.Measure(() => Ingredients(target, file)), data, new Dictionary<string, byte[]>
            {
                [SectionFile] = Encoding.UTF8.GetBytes(section.ToJsonString()),
                [TestsFile] = Encoding.UTF8.GetBytes(testFiles.ToJsonString()),
            }, cancellation, replace: Renew).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes the project's whole report to <paramref name="output"/>: Stryker's report of the files it tested (or none), with
    /// each reused file's mutants put back (their ids made unique, their tests listed) — every mutant of the project.
    /// </summary>
    public void Combine(string? tested, IReadOnlyDictionary<string, CacheEntry> reused, string output)
    {
        var report = tested is not null && File.Exists(tested) && JsonNode.Parse(File.ReadAllText(tested)) is JsonObject read ? read
            : new JsonObject { ["schemaVersion"] = "2", ["thresholds"] = new JsonObject { ["high"] = 80, ["low"] = 60 }, ["projectRoot"] = root, ["files"] = new JsonObject(), ["testFiles"] = new JsonObject() };
        var sections = report["files"] as JsonObject ?? [];
        var testFiles = report["testFiles"] as JsonObject ?? (JsonObject)(report["testFiles"] = new JsonObject());
        var number = 0;
        foreach (var (file, entry) in reused.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var section = JsonNode.Parse(entry.Files[SectionFile]) as JsonObject ?? throw new InvalidDataException($"the cache entry of {UnitOf(file)} holds no report section");
            foreach (var mutant in (section["mutants"] as JsonArray ?? []).OfType<JsonObject>())
            {
                mutant["id"] = $"cached-{++number}";
            }

            sections[file] = section;
            foreach (var (id, test) in (JsonNode.Parse(entry.Files[TestsFile]) as JsonObject ?? []).Where(t => t.Value is JsonObject))
            {
                var path = Path.Combine(root, test!["file"]!.GetValue<string>());
                var listed = testFiles[path] as JsonObject ?? (JsonObject)(testFiles[path] = new JsonObject { ["tests"] = new JsonArray() });
                var known = listed["tests"] as JsonArray ?? (JsonArray)(listed["tests"] = new JsonArray());
                if (!known.OfType<JsonObject>().Any(t => t["id"]?.GetValue<string>() == id))
                {
                    known.Add(new JsonObject { ["id"] = id, ["name"] = test["name"]?.GetValue<string>() ?? id });
                }
            }
        }

        report["files"] = sections;
        AtomicFile.Write(output, report.ToJsonString() + "\n");
    }

    // Why a stored file's mutants no longer hold, or null when they do.
    private string? Stale(CacheEntry entry, string suite)
    {
        if (DateTimeOffset.UtcNow - entry.Origin.At > maxAge)
        {
            return $"stored {entry.Origin.At:yyyy-MM-dd}, longer ago than the policy's {maxAge.TotalDays:0} days (--mutation-cache-days)";
        }

        var section = JsonNode.Parse(entry.Files[SectionFile]) as JsonObject;
        var tests = JsonNode.Parse(entry.Files[TestsFile]) as JsonObject ?? [];
        var mutants = (section?["mutants"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var (id, test) in tests)
        {
            var path = Path.Combine(root, test?["file"]?.GetValue<string>() ?? "");
            var now = File.Exists(path) ? context.Sources.Of(path) : "missing";
            if (now != test?["digest"]?.GetValue<string>())
            {
                return $"{test?["file"]} changed, and its test {test?["name"]} covers them";
            }
        }

        var uncovered = mutants.Any(m => m["status"]?.GetValue<string>() == "NoCoverage" || (Counted(m) && !Covering(m).Any()));
        return uncovered && entry.Data.GetValueOrDefault("suite") != suite ? "a test file changed, and some of its mutants no test covered" : null;
    }

    // Whether a mutant counts in the score (it was tested, not left out).
    private static bool Counted(JsonObject mutant) => mutant["status"]?.GetValue<string>() is "Killed" or "Survived" or "Timeout";

    private static IEnumerable<string> Covering(JsonObject mutant) =>
        new[] { mutant["coveredBy"], mutant["killedBy"] }.OfType<JsonArray>().SelectMany(a => a).Select(t => t?.GetValue<string>()).OfType<string>();

    // Test id → its file and name, from the report's testFiles.
    private static Dictionary<string, (string File, string Name)> TestIndex(JsonObject report)
    {
        var index = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (file, node) in report["testFiles"] as JsonObject ?? [])
        {
            foreach (var test in (node?["tests"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (test["id"]?.GetValue<string>() is { } id)
                {
                    index[id] = (file, test["name"]?.GetValue<string>() ?? id);
                }
            }
        }

        return index;
    }

    // One digest of every C# file of the target's test projects.
    private string SuiteDigest(MutationTarget target)
    {
        var text = new StringBuilder();
        foreach (var test in target.TestProjects.Order(StringComparer.Ordinal))
        {
            foreach (var (name, value) in context.Sources.OfProject(test).Values.Where(v => v.Key.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
            {
                text.Append(name).Append('\t').Append(value).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
