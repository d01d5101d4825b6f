using System.Diagnostics;
using System.Globalization;
using Tollgate;
using Tollgate.Deploy;
using Tollgate.Evidence;
using Tollgate.Portfolio;

// The portfolio at scale (bench/portfolio.sh):
//   generate <folder> <repositories> <first-day> <days>: a day is a Ci run of main on a weekday, and on Tuesdays a deployment to
//     staging and on Thursdays one to prod (a few fail and are rolled back); day 0 is 369 days ago. Real bundles,
//     written by Tollgate's own writer, with gate figures, commit times and CI files, and a registry of the projects.
//   ingest <folder> <database>: ingests, printing bundles read and bundles/s.
//   render <database> <registry> <output>: the metrics, trends, compliance and dashboard, printing the time.
var culture = CultureInfo.InvariantCulture;
var today = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero);
var yearAgo = today.AddDays(-369); // a year of days ends 4 days ago, so the next weekday is still in the past (a bundle from the future does not verify)
switch (args[0])
{
    case "generate":
        Generate(args[1], int.Parse(args[2], culture), int.Parse(args[3], culture), int.Parse(args[4], culture));
        break;
    case "ingest":
        Ingest(args[1], args[2]);
        break;
    case "render":
        Render(args[1], args[2], args[3]);
        break;
    default:
        throw new ArgumentException($"unknown verb {args[0]}: use generate, ingest or render");
}

void Generate(string folder, int repositories, int firstDay, int days)
{
    var clock = Stopwatch.StartNew();
    var written = 0;
    Parallel.For(0, repositories, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
    {
        var name = $"repo-{r:000}";
        for (var day = firstDay; day < firstDay + days; day++)
        {
            var random = new Random((r * 1000) + day);
            var date = yearAgo.AddDays(day);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var commit = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(BitConverter.GetBytes((r * 1000) + day)));
            var at = date.AddHours(8 + random.Next(8)).AddMinutes(random.Next(60));
            var failed = random.NextDouble() < 0.02 + (r % 10 * 0.01);
            var insecure = random.NextDouble() < 0.01;
            GateResult Gate(string gate, GateStatus status, string metric = "", double value = 0) => new(
                gate, status, status.ToString(), [], metric.Length == 0 ? new Dictionary<string, double>() : new Dictionary<string, double> { [metric] = value },
                new Dictionary<string, double>(), new Dictionary<string, string>(), []);
            Write(Path.Combine(folder, name, $"{date:yyyy-MM-dd}-ci"), name, at, commit, at.AddMinutes(-20 - random.Next(600)), failed || insecure ? "failed" : "succeeded", r, ["Ci"], null,
                Gate("Lint", GateStatus.Passed), Gate("Test", failed ? GateStatus.Failed : GateStatus.Passed),
                Gate("Coverage", GateStatus.Passed, "line", Math.Round(60 + (r % 35) + (day / 40.0) + random.NextDouble(), 2)),
                Gate("Mutation", GateStatus.Passed, "score", Math.Round(55 + (r % 30) + random.NextDouble() * 3, 2)),
                Gate("ArchitectureTests", GateStatus.Passed), Gate("SecurityScan", insecure ? GateStatus.Failed : GateStatus.Passed));
            Interlocked.Increment(ref written);
            if (date.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday)
            {
                var environment = date.DayOfWeek == DayOfWeek.Tuesday ? "staging" : "prod";
                var deployed = at.AddHours(2);
                var bad = random.NextDouble() < 0.04;
                Write(Path.Combine(folder, name, $"{date:yyyy-MM-dd}-deploy-{environment}"), name, deployed, commit, null, bad ? "failed" : "succeeded", r, ["Deploy"],
                    new DeploymentRecord(environment, "deploy", $"1.{day}.0", commit[..7], "rolling", deployed, "ci", null, null, bad ? "failed" : "succeeded", bad ? "unhealthy" : "healthy", null));
                Interlocked.Increment(ref written);
                if (bad)
                {
                    var back = deployed.AddMinutes(10 + random.Next(80));
                    Write(Path.Combine(folder, name, $"{date:yyyy-MM-dd}-rollback-{environment}"), name, back, commit, null, "succeeded", r, ["Rollback"],
                        new DeploymentRecord(environment, "rollback", $"1.{day - 1}.0", null, "rolling", back, "ci", null, null, "succeeded", "healthy", null));
                    Interlocked.Increment(ref written);
                }
            }
        }
    });
    WriteRegistry(folder, repositories);
    Console.WriteLine(string.Create(culture, $"generated {written} bundles of {repositories} repositories in {clock.Elapsed.TotalSeconds:0.0} s"));
}

void Write(string directory, string name, DateTimeOffset at, string commit, DateTimeOffset? committedAt, string outcome, int r, string[] requested, DeploymentRecord? deployment, params GateResult[] gates)
{
    var bundle = new BundleWriter(directory);
    foreach (var gate in gates)
    {
        bundle.RecordGate(gate, TimeSpan.FromSeconds(3));
    }

    if (deployment is not null)
    {
        bundle.WriteFile("deployment.json", EvidenceJson.Serialize(deployment));
    }

    EvidenceWriter.Write(bundle, new RunRecord
    {
        TollgateVersion = r % 17 == 0 ? "0.1.0" : "0.2.0",
        Repository = new RepositoryRecord { Name = $"repo-{r:000}", Remote = $"https://git.example/acme/repo-{r:000}.git" },
        Commit = commit,
        CommittedAt = committedAt,
        CiHost = new CiHostRecord { Name = "github-actions", Details = new Dictionary<string, string> { ["branch"] = "main" } },
        CiFiles = [new CiFileRecord { Path = ".github/workflows/tollgate.yml", Sha256 = CiFileRecord.DigestOf(System.Text.Encoding.UTF8.GetBytes(r % 23 == 0 ? "drifted\n" : Template)) }],
        StartedAt = at,
        DurationSeconds = 300,
        Requested = requested,
        Outcome = outcome,
        Parameters = r % 29 == 0 ? [new ParameterRecord { Name = "coverage-threshold", Value = "50", Source = "command line", Overridden = true }] : [],
    }, history: 0);
}

void WriteRegistry(string folder, int repositories)
{
    var registry = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder))!, "registry");
    Directory.CreateDirectory(registry);
    File.WriteAllText(Path.Combine(registry, "tollgate.yml"), Template);
    var projects = Enumerable.Range(0, repositories).Where(r => r % 50 != 49).Select(r =>
        $$"""    { "slug": "repo-{{r:000}}", "repository": "https://git.example/acme/repo-{{r:000}}", "ciTemplate": "ours", "environments": ["staging", "prod"] }""")
        .Append("""    { "slug": "newcomer", "repository": "https://git.example/acme/newcomer" }""");
    File.WriteAllText(Path.Combine(registry, "portfolio.json"), $$"""
        {
          "templates": { "ours": { "path": ".github/workflows/tollgate.yml", "file": "tollgate.yml" } },
          "projects": [
        {{string.Join(",\n", projects)}}
          ]
        }
        """);
}

void Ingest(string folder, string database)
{
    var clock = Stopwatch.StartNew();
    using var store = RunStore.Open(StoreDatabase.Of(database, Directory.GetCurrentDirectory()));
    var outcome = new BundleIngest(store).Ingest(folder);
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(culture,
        $"ingest: {outcome.Added} added, {outcome.Known} known, {outcome.Unchanged} unchanged, {outcome.Refused.Count} refused in {seconds:0.0} s ({(outcome.Added + outcome.Known) / seconds:0} bundles/s read)"));
    if (outcome.Refused.Count > 0)
    {
        Console.WriteLine($"first refused: {outcome.Refused[0].Path}: {outcome.Refused[0].Problem}");
    }
}

void Render(string database, string registryFile, string output)
{
    var clock = Stopwatch.StartNew();
    using var store = RunStore.Open(StoreDatabase.Of(database, Directory.GetCurrentDirectory()));
    var targets = PortfolioTargets.Load();
    var registry = PortfolioRegistry.Load(registryFile, "portfolio.json");
    var view = PortfolioView.Of(store, registry, targets, DateTimeOffset.UtcNow, TimeSpan.FromDays(7), 12, "0.2.0", (name, value) => name == "coverage-threshold" && value == "50");
    var pages = view.WriteDashboard(output);
    var (metrics, compliance) = (view.Metrics, view.Compliance!);
    Console.WriteLine(string.Create(culture,
        $"render: {metrics.Count} metrics, {pages} pages, {compliance.Projects.Count(p => p.Compliant)} of {compliance.Projects.Count} compliant in {clock.Elapsed.TotalSeconds:0.0} s"));
}

partial class Program
{
    private const string Template = "name: tollgate\non: [push, pull_request]\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./build.sh Ci\n";
}
