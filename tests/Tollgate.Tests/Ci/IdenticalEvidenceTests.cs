using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tollgate.Ci;
using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Ci;

/// <summary>
/// The same commit, run as `./build.sh Ci` locally and under the environment of each CI host, writes the
/// same bundle: the same files, and the same content apart from the CI host block, timestamps and
/// durations. Raw tool reports that carry their own run ids and clock readings (TRX, Cobertura, the HTML
/// coverage report) are compared by presence, and packages' digests are left out (NuGet stamps the pack time into them).
/// Mutation is skipped in these runs: its report is host-independent and Stryker's fixed cost would dominate the test.
/// What a host changes is Tollgate's own doing, never the tools' (they run the same commands everywhere): the run record
/// it detects and the console that renders the bundle. So the whole Ci runs locally and on GitHub Actions (the console
/// with annotations, a step summary and the most variables); every host is compared on a run of two gates, which
/// records the run as fully as the whole Ci; and every host's console publishes the whole Ci's bundle (tests, coverage,
/// findings) and must leave it byte for byte as it was.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(WholeRunsCollection))]
public sealed class IdenticalEvidenceTests
{
    private static readonly Regex Volatile = new("""\s(time|timestamp|startTime|endTime|duration)="[^"]*"|"(startedAt|\w*[Dd]uration\w*|\w*[Tt]ime\w*)": [^,\n]+,?""", RegexOptions.CultureInvariant);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public sealed class CiBuild : TollgateBuild, IStandardGates, IUseSharedTools;

    private static Dictionary<string, Dictionary<string, string>> Hosts(string sha, string stepSummary) => new()
    {
        ["github-actions"] = new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_REF"] = "refs/heads/main", ["GITHUB_REF_NAME"] = "main", ["GITHUB_SHA"] = sha, ["GITHUB_RUN_NUMBER"] = "12", ["GITHUB_STEP_SUMMARY"] = stepSummary },
        ["gitlab-ci"] = new() { ["GITLAB_CI"] = "true", ["CI_COMMIT_BRANCH"] = "main", ["CI_COMMIT_SHA"] = sha, ["CI_PIPELINE_IID"] = "12" },
        ["azure-pipelines"] = new() { ["TF_BUILD"] = "True", ["BUILD_SOURCEBRANCH"] = "refs/heads/main", ["BUILD_SOURCEVERSION"] = sha, ["BUILD_BUILDNUMBER"] = "12" },
        ["teamcity"] = new() { ["TEAMCITY_VERSION"] = "2025.07", ["BUILD_VCS_NUMBER"] = sha, ["BUILD_NUMBER"] = "12" },
        ["bitbucket-pipelines"] = new() { ["BITBUCKET_BUILD_NUMBER"] = "12", ["BITBUCKET_BRANCH"] = "main", ["BITBUCKET_COMMIT"] = sha },
        ["jenkins"] = new() { ["JENKINS_URL"] = "https://ci.invalid/", ["BRANCH_NAME"] = "main", ["GIT_COMMIT"] = sha, ["BUILD_NUMBER"] = "12" },
        ["circleci"] = new() { ["CIRCLECI"] = "true", ["CIRCLE_BRANCH"] = "main", ["CIRCLE_SHA1"] = sha, ["CIRCLE_BUILD_NUM"] = "12" },
    };

    private static readonly string[] WholeCi = ["Ci", "--skip", "Mutation", "--required-gates", "Lint", "Test", "Coverage", "ArchitectureTests", "SecurityScan"];

    private static readonly string[] TwoGates = ["ArchitectureTests", "SecurityScan"];

    [Fact]
    public async Task Ci_writes_the_same_bundle_locally_and_on_every_ci_host()
    {
        using var sample = new SampleRepository();
        sample.Write(".nuke/security.json", """
            { "waivers": [ { "scanner": "trivy", "reason": "not installable here" }, { "scanner": "nuget-audit", "reason": "no vulnerability feed here" } ] }
            """);
        var git = await GitRepository.InitAsync(sample.Root);
        await File.WriteAllTextAsync(Path.Combine(sample.Root, ".gitignore"), "artifacts/\n.nuke/temp/\nbin/\nobj/\n");
        var sha = await git.CommitAsync("sample");
        await git.TagAsync("v1.0.0");
        using var copies = new TempDirectory(withNuke: false);
        var summary = Path.Combine(copies.Path, "step-summary.md");
        var hosts = Hosts(sha, summary);

        var local = await Run(sample, copies.Path, "local", [], WholeCi);
        AssertSameBundle(local, await Run(sample, copies.Path, "github-actions", hosts["github-actions"], WholeCi), "github-actions", sha);
        Assert.Contains("# Tollgate evidence: succeeded", File.ReadAllText(summary), StringComparison.Ordinal);

        var plain = await Run(sample, copies.Path, "local-two-gates", [], TwoGates);
        foreach (var (host, environment) in hosts)
        {
            AssertSameBundle(plain, await Run(sample, copies.Path, host + "-two-gates", environment, TwoGates), host, sha);
            AssertPublishingLeavesTheBundle(local, Path.Combine(copies.Path, "published", host), host, environment);
        }
    }

    /// <summary>The host's console renders the whole Ci's bundle (as at the end of a run there) and changes nothing in it.</summary>
    private static void AssertPublishingLeavesTheBundle(string bundle, string root, string host, Dictionary<string, string> environment)
    {
        var evidence = Path.Combine(root, "artifacts", "evidence");
        SampleRepository.Copy(bundle, evidence);
        var before = DirectoryDigests.Of(evidence);
        var gates = Directory.GetFiles(Path.Combine(evidence, "gates"), "*.json")
            .Select(f => JsonSerializer.Deserialize<GateDocument>(File.ReadAllText(f), EvidenceJson.Options)!)
            .Select(GateResult.From).ToList();
        Assert.Superset(new HashSet<string> { "Lint", "Test", "Coverage", "ArchitectureTests", "SecurityScan" }, gates.Select(g => g.Gate).ToHashSet());
        using var output = new StringWriter();
        var console = CiConsole.For(CiHost.NameOf(environment), new BuildLog(output, output, Verbosity.Normal, new SecretMasker()), environment);

        console.Publish(new CiPublication(root, evidence, gates));

        var after = DirectoryDigests.Of(evidence);
        var changed = before.Keys.Union(after.Keys).Where(f => before.GetValueOrDefault(f) != after.GetValueOrDefault(f)).ToList();
        Assert.True(changed.Count == 0, $"{host}: publishing the bundle changed {string.Join(", ", changed)}");
    }

    private static void AssertSameBundle(string local, string bundle, string host, string sha)
    {
        Assert.Equal(Files(local), Files(bundle));
        foreach (var file in Files(local).Where(Comparable))
        {
            Assert.True(Normalized(local, file) == Normalized(bundle, file), $"{host}: {file} differs from the local run's: {FirstDifference(Normalized(local, file), Normalized(bundle, file))}");
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")))!;
        Assert.Equal(host, manifest["ciHost"]!["name"]!.GetValue<string>());
        Assert.Equal(sha, manifest["ciHost"]!["details"]!["commit"]!.GetValue<string>());
    }

    private static async Task<string> Run(SampleRepository sample, string copies, string host, Dictionary<string, string> environment, string[] args)
    {
        var run = await HostRun.RunAsync<CiBuild>(sample.Root, args, environment);
        Assert.True(run.ExitCode == ExitCodes.Success, $"{host}: {run.Output}{run.Error}");
        var copy = Path.Combine(copies, host);
        SampleRepository.Copy(sample.Evidence, copy);
        return copy;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        return $"line {line + 1}: local '{(line < a.Length ? a[line] : "(end)")}', here '{(line < b.Length ? b[line] : "(end)")}'";
    }

    private static List<string> Files(string bundle) =>
        Directory.GetFiles(bundle, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(bundle, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    /// <summary>Tollgate's own files, and tool reports without clocks or run ids of their own.</summary>
    private static bool Comparable(string file) =>
        !file.StartsWith("reports/", StringComparison.Ordinal) || file.EndsWith(".sarif", StringComparison.Ordinal) || file.EndsWith("-inputs.json", StringComparison.Ordinal);

    private static string Normalized(string bundle, string file)
    {
        var text = File.ReadAllText(Path.Combine(bundle, file));
        if (file == "manifest.json")
        {
            var manifest = JsonNode.Parse(text)!.AsObject();
            manifest.Remove("ciHost");
            foreach (var entry in manifest["files"]!.AsArray())
            {
                // Digests of files holding durations differ with them; each file's content is compared on its own.
                entry!.AsObject().Remove("sha256");
                entry.AsObject().Remove("bytes");
            }

            text = manifest.ToJsonString(Indented);
        }
        else if (file is "artifacts.json" or "gates/package.json")
        {
            // NuGet writes the pack time into every package (zip entry dates, core properties), so a
            // package's digest is a clock reading too.
            var document = JsonNode.Parse(text)!.AsObject();
            foreach (var entry in (document["artifacts"] ?? document["findings"])!.AsArray())
            {
                entry!.AsObject().Remove("digest");
                entry.AsObject().Remove("detail");
            }

            text = document.ToJsonString(Indented);
        }

        else if (file == "provenance/package.intoto.json")
        {
            // The statement names the CI host and its run (builder, invocation), like the manifest's ciHost block,
            // and each package's digest is a clock reading (see above); the assemblies inside are compared.
            var statement = JsonNode.Parse(text)!.AsObject();
            foreach (var subject in statement["subject"]!.AsArray().Where(s => ((string?)s!["name"])!.EndsWith("nupkg", StringComparison.Ordinal)))
            {
                subject!.AsObject().Remove("digest");
            }

            var run = statement["predicate"]!["runDetails"]!.AsObject();
            run.Remove("builder");
            run.Remove("metadata");
            statement["predicate"]!["buildDefinition"]!.AsObject().Remove("internalParameters");
            text = statement.ToJsonString(Indented);
        }

        return Volatile.Replace(text, "");
    }
}
