using Tollgate.Deploy;
using Tollgate.Evidence;
using Tollgate.Portfolio;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Portfolio;

/// <summary>
/// The store of runs, the same on every database it runs on: real bundles written by Tollgate's own writer, ingested again
/// and again, out of order, copied, tampered with; a store of an older schema; a store of a newer one.
/// </summary>
public abstract class RunStoreContract : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 10, 5, 10, 0, 0, TimeSpan.Zero); // bundles from the future do not verify
    private readonly TempDirectory scratch = new(withNuke: false);

    public void Dispose()
    {
        scratch.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Where a file database may go: beside the bundles, not among them.</summary>
    private protected string StoreFolder => Path.Combine(scratch.Path, "store");

    private string Bundles => Path.Combine(scratch.Path, "bundles");

    /// <summary>A new, empty database.</summary>
    private protected abstract Task<StoreDatabase> DatabaseAsync();

    private string Bundle(string path, string repository, DateTimeOffset at, string outcome = "succeeded", DeploymentRecord? deployment = null, params GateResult[] gates) =>
        Bundle(path, repository, at, run => run, outcome, deployment, gates);

    private string Bundle(string path, string repository, DateTimeOffset at, Func<RunRecord, RunRecord> shape, string outcome = "succeeded", DeploymentRecord? deployment = null, params GateResult[] gates)
    {
        var directory = Path.Combine(Bundles, path);
        var bundle = new BundleWriter(directory);
        foreach (var gate in gates.Length == 0 && deployment is null ? [EvidenceFixture.Gate("Lint", GateStatus.Passed)] : gates)
        {
            bundle.RecordGate(gate, TimeSpan.FromSeconds(2));
        }

        if (deployment is not null)
        {
            bundle.WriteFile("deployment.json", EvidenceJson.Serialize(deployment));
        }

        EvidenceWriter.Write(bundle, shape(EvidenceFixture.Run(outcome, at) with { Repository = new RepositoryRecord { Name = repository }, Requested = deployment is null ? ["Ci"] : ["Deploy"] }));
        return directory;
    }

    private static GateResult Gate(string name, GateStatus status, string metric = "", double value = 0) =>
        new(name, status, status.ToString(), [], metric.Length == 0 ? new Dictionary<string, double>() : new Dictionary<string, double> { [metric] = value },
            new Dictionary<string, double>(), new Dictionary<string, string>(), []);

    private string Deploy(string environment, string action, DateTimeOffset at, string outcome = "succeeded", string health = "healthy", string commit = "abc1234") =>
        Bundle($"shop/{environment}-{at:yyyyMMddHHmm}-{action}", "shop", at, deployment: new DeploymentRecord(environment, action, "1.0." + at.DayOfYear, commit, "rolling", at, "ci", null, null, outcome, health, null));

    private static Func<RunRecord, RunRecord> On(string branch, string? commit = null, DateTimeOffset? committedAt = null) => run => run with
    {
        CiHost = new CiHostRecord { Name = "github-actions", Details = new Dictionary<string, string> { ["branch"] = branch } },
        Commit = commit ?? run.Commit,
        CommittedAt = committedAt,
    };

    [Fact]
    public async Task The_handbook_s_metrics_over_a_hand_built_history_are_exactly_the_known_ones()
    {
        var end = Monday.AddDays(28);
        // 20 Ci runs in the window, one failed (its security scan failed); coverage 80 before the window and 82.5 at its end; 4 security scans.
        Bundle("shop/before", "shop", Monday.AddDays(-3), "succeeded", null, Gate("Coverage", GateStatus.Passed, "line", 80));
        for (var day = 0; day < 20; day++)
        {
            GateResult[] gates = day < 4
                ? [Gate("SecurityScan", day == 2 ? GateStatus.Failed : GateStatus.Passed)]
                : [Gate("Coverage", GateStatus.Passed, "line", day == 19 ? 82.5 : 81)];
            Bundle($"shop/ci-{day:00}", "shop", Monday.AddDays(day).AddHours(8), On("main"), day == 2 ? "failed" : "succeeded", null, gates);
        }

        // Runs of other branches do not count towards the pipeline's success rate.
        Bundle("shop/feature-1", "shop", Monday.AddDays(3), On("feature/cart"), "failed");
        Bundle("shop/feature-2", "shop", Monday.AddDays(4), On("feature/cart"), "failed");

        // Lead time: three commits, made 2 h, 4 h and 30 h before their deployments to eu, each built once (the build records the commit's
        // time; the deployment names the commit abbreviated). The median is 4 h.
        var leads = new[] { (Commit: "aaaaaaa", Hours: 2), (Commit: "bbbbbbb", Hours: 4), (Commit: "ccccccc", Hours: 30) };
        foreach (var (commit, hours) in leads)
        {
            var deployed = Monday.AddDays(21 + Array.IndexOf(leads, (commit, hours))).AddHours(12);
            Bundle($"shop/build-{commit}", "shop", deployed.AddHours(-hours).AddMinutes(5),
                run => On("main", commit.PadRight(40, '0'), deployed.AddHours(-hours))(run) with { Requested = ["Package"] }, "succeeded", null, Gate("Lint", GateStatus.Passed));
            Deploy("eu", "deploy", deployed, commit: commit);
        }

        // prod: 20 deployments, the tenth rolled back 30 minutes later. staging: a failed deployment at 10:00, a good one at 10:40.
        for (var day = 0; day < 20; day++)
        {
            Deploy("prod", "deploy", Monday.AddDays(day).AddHours(9));
        }

        Deploy("prod", "rollback", Monday.AddDays(9).AddHours(9).AddMinutes(30));
        Deploy("staging", "deploy", Monday.AddDays(2).AddHours(10), "failed", "unhealthy");
        Deploy("staging", "deploy", Monday.AddDays(2).AddHours(10).AddMinutes(40));
        using var store = RunStore.Open(await DatabaseAsync());
        Assert.Empty(new BundleIngest(store).Ingest(Bundles).Refused);

        var metrics = DeliveryMetrics.Of(store, end, TimeSpan.FromDays(28), PortfolioTargets.Load())
            .ToDictionary(m => m.Metric + (m.Environment is null ? "" : "@" + m.Environment), m => (m.Value, m.Rating, m.Detail));

        Assert.Equal((95.0, "green", "19 of 20 Ci runs succeeded"), metrics["pipelineSuccessRate"]);
        Assert.Equal((82.5, "green", "82.5 on 2026-10-24; +2.5 points over the window"), metrics["coverage"]);
        Assert.Equal((null, "grey", "never measured"), metrics["mutationScore"]);
        Assert.Equal((75.0, "red", "3 of 4 scans passed"), metrics["securityPassRate"]);
        Assert.Equal((5.0, "green", "20 successful deployment(s) in 28 days"), metrics["deploymentsPerWeek@prod"]);
        Assert.Equal((5.0, "green", "1 of 20 deployments failed or were rolled back"), metrics["changeFailureRate@prod"]);
        Assert.Equal((30.0, "green", "1 recovery(ies), on average 30 min"), metrics["timeToRecoveryMinutes@prod"]);
        Assert.Equal((0.25, "red", "1 successful deployment(s) in 28 days"), metrics["deploymentsPerWeek@staging"]);
        Assert.Equal((50.0, "red", "1 of 2 deployments failed or were rolled back"), metrics["changeFailureRate@staging"]);
        Assert.Equal((40.0, "green", "1 recovery(ies), on average 40 min"), metrics["timeToRecoveryMinutes@staging"]);
        Assert.Equal((4.0, "green", "median of 3 deployment(s), from commit to deployment"), metrics["leadTimeHours@eu"]);
        Assert.Equal((null, "grey", "no deployment whose commit time is recorded"), metrics["leadTimeHours@prod"]);

        // The portfolio's own row, from every environment together: 24 good deployments over 4 weeks and 3 environments; 2 of 25 failed.
        var portfolio = DeliveryMetrics.PortfolioOf(store, end, TimeSpan.FromDays(28), PortfolioTargets.Load()).ToDictionary(m => m.Metric, m => (m.Value, m.Rating));
        Assert.Equal((95.0, "green"), portfolio["pipelineSuccessRate"]);
        Assert.Equal((82.5, "green"), portfolio["coverage"]);
        Assert.Equal((75.0, "red"), portfolio["securityPassRate"]);
        Assert.Equal((2.0, "green"), portfolio["deploymentsPerWeek"]);
        Assert.Equal((8.0, "amber"), portfolio["changeFailureRate"]);
        Assert.Equal((35.0, "green"), portfolio["timeToRecoveryMinutes"]);
        Assert.Equal((4.0, "green"), portfolio["leadTimeHours"]);
    }

    [Fact]
    public async Task Each_bundle_is_stored_once_however_often_in_whatever_order_and_from_wherever_it_is_ingested()
    {
        Bundle("orders/2026-12-02", "orders", Monday.AddDays(2), "failed");
        Bundle("billing/run-9", "billing", Monday.AddDays(1));
        var first = Bundle("orders/2026-11-30", "orders", Monday);
        using var store = RunStore.Open(await DatabaseAsync());

        var ingested = new BundleIngest(store).Ingest(Bundles);

        Assert.Equal((3, 0, 0), (ingested.Added, ingested.Known, ingested.Unchanged));
        Assert.Empty(ingested.Refused);
        Assert.Equal([("orders", Monday, "succeeded"), ("billing", Monday.AddDays(1), "succeeded"), ("orders", Monday.AddDays(2), "failed")],
            store.Runs().Select(r => (r.Repository, r.StartedAt, r.Outcome)));
        Assert.Equal(1, store.Metric(store.Runs()[0].Bundle, "Lint", "alpha"));

        var again = new BundleIngest(store).Ingest(Bundles);
        Assert.Equal((0, 0, 3), (again.Added, again.Known, again.Unchanged)); // nothing read again

        SampleRepository.Copy(first, Path.Combine(Bundles, "copies", "orders-first"));
        var copied = new BundleIngest(store).Ingest(Bundles);
        Assert.Equal((0, 1, 3), (copied.Added, copied.Known, copied.Unchanged));
        Assert.Equal(3, store.Runs().Count);
    }

    [Fact]
    public async Task A_bundle_that_does_not_verify_is_reported_and_left_out_and_the_others_are_stored()
    {
        Bundle("orders/good", "orders", Monday);
        var altered = Bundle("orders/altered", "orders", Monday.AddHours(1));
        var gate = Directory.GetFiles(Path.Combine(altered, "gates")).Single();
        File.WriteAllText(gate, File.ReadAllText(gate).Replace("\"passed\"", "\"failed\"", StringComparison.Ordinal));
        using var store = RunStore.Open(await DatabaseAsync());

        var ingested = new BundleIngest(store).Ingest(Bundles);

        Assert.Equal(1, ingested.Added);
        var (path, problem) = Assert.Single(ingested.Refused);
        Assert.Equal("orders/altered", path);
        Assert.Contains("gates/", problem, StringComparison.Ordinal);
        Assert.Equal([Monday], store.Runs().Select(r => r.StartedAt));
        Assert.Single(new BundleIngest(store).Ingest(Bundles).Refused); // reported again while it does not verify
    }

    [Fact]
    public async Task A_deploy_run_s_record_is_stored_with_its_environment_outcome_and_health()
    {
        Bundle("shop/deploy-1", "shop", Monday, deployment: new DeploymentRecord("prod", "deploy", "1.4.0", "abc1234", "rolling", Monday.AddMinutes(5), "ci", null, "run-7", "succeeded", "healthy", null));
        Bundle("shop/deploy-2", "shop", Monday.AddHours(2), deployment: new DeploymentRecord("prod", "rollback", "1.3.9", "fed4321", "rolling", Monday.AddHours(2).AddMinutes(3), "ci", null, "run-8", "succeeded", "healthy", null));
        using var store = RunStore.Open(await DatabaseAsync());

        new BundleIngest(store).Ingest(Bundles);

        Assert.Equal([("prod", "deploy", "1.4.0", Monday.AddMinutes(5), "healthy"), ("prod", "rollback", "1.3.9", Monday.AddHours(2).AddMinutes(3), "healthy")],
            store.Deployments().Select(d => (d.Environment, d.Action, d.Version, d.At, d.Health)));
    }

    [Fact]
    public async Task A_store_of_an_older_schema_is_brought_up_to_date_with_nothing_lost_and_a_newer_one_is_refused()
    {
        var database = await DatabaseAsync();
        Bundle("orders/1", "orders", Monday);
        using (var store = RunStore.Open(database))
        {
            new BundleIngest(store).Ingest(Bundles);
        }

        // A later Tollgate's schema: one more step. Opening the store applies it and keeps every run.
        IReadOnlyList<IReadOnlyList<string>> later = [.. StoreMigrations.Steps, ["ALTER TABLE runs ADD COLUMN reviewer TEXT"]];
        using (var connection = database.Open())
        {
            Assert.Equal(StoreMigrations.Steps.Count, StoreMigrations.Apply(connection, database.Name, later));
            Assert.Equal(later.Count, StoreMigrations.VersionOf(connection));
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM runs WHERE reviewer IS NULL";
            Assert.Equal(1L, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        // This Tollgate, on the store the later one wrote: refused, saying why, and the store left as it was.
        var refused = Assert.Throws<InvalidDataException>(() => RunStore.Open(database));
        Assert.Equal(
            $"The store of runs {database.Name} is at version {later.Count}, written by a newer Tollgate than this one (which knows up to {StoreMigrations.Steps.Count}); upgrade Tollgate to read it.",
            refused.Message);
        using (var connection = database.Open())
        {
            Assert.Equal(later.Count, StoreMigrations.VersionOf(connection));
        }
    }
    [Fact]
    public async Task A_store_of_the_first_schema_is_brought_to_this_one_with_its_runs_kept_and_its_Ci_runs_told_apart()
    {
        var database = await DatabaseAsync();
        using (var connection = database.Open())
        {
            StoreMigrations.Apply(connection, database.Name, StoreMigrations.Steps.Take(1).ToList());
            foreach (var (bundle, requested) in new[] { ("b1", "Ci"), ("b2", "Deploy"), ("b3", "Lint Cilium") })
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO runs (bundle, repository, started_at, duration_seconds, outcome, tollgate_version, requested, ci_host, ingested_from)"
                    + $" VALUES ('{bundle}', 'orders', {Monday.ToUnixTimeMilliseconds()}, 1.5, 'succeeded', '0.1.0', '{requested}', 'local', 'orders/{bundle}')";
                insert.ExecuteNonQuery();
            }
        }

        using var store = RunStore.Open(database);

        Assert.Equal(1, store.OpenedAtVersion);
        Assert.Equal(["b1", "b2", "b3"], store.Runs().Select(r => r.Bundle).Order(StringComparer.Ordinal));
        Assert.Equal("b1", Assert.Single(store.LatestRuns(ci: true)).Bundle);
        Assert.All(store.Runs(), r => Assert.Null(r.Branch));
    }

    [Fact]
    public async Task Each_registered_project_s_compliance_names_every_reason_and_the_registry_and_the_evidence_are_compared_both_ways()
    {
        var end = Monday.AddDays(14);
        var registry = Path.Combine(scratch.Path, ".nuke", "portfolio.json");
        Directory.CreateDirectory(Path.Combine(scratch.Path, ".nuke", "templates"));
        File.WriteAllText(Path.Combine(scratch.Path, ".nuke", "templates", "ci.yml"), "name: ci\non: push\n");
        File.WriteAllText(registry, """
            {
              "staleAfterDays": 7,
              "requiredGates": ["Lint", "SecurityScan"],
              "templates": { "ours": { "path": ".github/workflows/ci.yml", "file": "templates/ci.yml" } },
              "projects": [
                { "slug": "orders", "repository": "git@github.com:acme/orders.git", "ciTemplate": "ours", "environments": ["prod"],
                  "waivers": [ { "parameter": "coverage-threshold", "reason": "legacy code, until March" } ] },
                { "slug": "billing", "repository": "https://github.com/acme/billing", "ciTemplate": "ours", "environments": ["prod"] },
                { "slug": "search", "repository": "https://github.com/acme/search" }
              ]
            }
            """);
        static ParameterRecord Set(string name, string value) => new() { Name = name, Value = value, Source = "command line", Overridden = true };
        // orders: its checkout is named otherwise, its remote says which it is; the CI file has Windows line ends; a waived weakening; deployed to prod.
        Bundle("orders-service/ci", "orders-service", end.AddDays(-1), run => run with
        {
            Repository = new RepositoryRecord { Name = "orders-service", Remote = "https://github.com/acme/orders" },
            CiFiles = [new CiFileRecord { Path = ".github/workflows/ci.yml", Sha256 = CiFileRecord.DigestOf("name: ci\r\non: push\r\n"u8) }],
            Parameters = [Set("coverage-threshold", "50")],
        }, "succeeded", null, Gate("Lint", GateStatus.Passed), Gate("SecurityScan", GateStatus.Passed));
        Bundle("orders-service/deploy", "orders-service", end.AddDays(-1).AddHours(1), run => run with { Repository = new RepositoryRecord { Name = "orders-service" } },
            deployment: new DeploymentRecord("prod", "deploy", "1.0.0", "abc1234", "rolling", end.AddDays(-1).AddHours(1), "ci", null, null, "succeeded", "healthy", null));
        // billing: everything wrong at once.
        Bundle("billing/ci", "billing", end.AddDays(-10), run => run with
        {
            TollgateVersion = "0.1.0",
            CiFiles = [new CiFileRecord { Path = ".github/workflows/ci.yml", Sha256 = CiFileRecord.DigestOf("name: ci\non: [push, workflow_dispatch]\n"u8) }],
            Parameters = [Set("mutation-threshold", "40")],
        }, "succeeded", null, Gate("Lint", GateStatus.Passed), Gate("SecurityScan", GateStatus.Skipped));
        Bundle("billing/deploy", "billing", end.AddDays(-10).AddHours(1), run => run with { TollgateVersion = "0.1.0" },
            deployment: new DeploymentRecord("staging", "deploy", "2.0.0", "abc1234", "rolling", end.AddDays(-10).AddHours(1), "ci", null, null, "succeeded", "healthy", null));
        Bundle("tools/ci", "tools", end.AddDays(-2));
        using var store = RunStore.Open(await DatabaseAsync());
        new BundleIngest(store).Ingest(Bundles);

        var report = PortfolioCompliance.Of(store, PortfolioRegistry.Load(registry, ".nuke/portfolio.json"), end, "1.2.3",
            (name, value) => name.EndsWith("-threshold", StringComparison.Ordinal) && double.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) < 70);

        var projects = report.Projects.ToDictionary(p => p.Slug);
        Assert.True(projects["orders"].Compliant, string.Join("; ", projects["orders"].Reasons));
        Assert.Equal("orders-service", projects["orders"].Repository);
        var billing = projects["billing"].Reasons;
        Assert.True(billing.Count == 6, string.Join("\n", billing)); // every reason, printed when one is missing
        Assert.Equal($"no evidence in the last 7 days (latest run {end.AddDays(-10).AddHours(1):yyyy-MM-dd})", billing[0]);
        Assert.Equal("Tollgate 0.1.0 is behind the newest, 1.2.3", billing[1]);
        Assert.Equal($"required gates missing from its latest Ci run ({end.AddDays(-10):yyyy-MM-dd}): SecurityScan", billing[2]);
        Assert.Equal("weakens mutation-threshold=40 without a waiver in the registry", billing[3]);
        Assert.StartsWith(".github/workflows/ci.yml drifted from the template ours (sha256 ", billing[4], StringComparison.Ordinal);
        Assert.Equal("deployed to staging, which the registry does not list for it (prod)", billing[5]);
        Assert.Equal(["no evidence at all: no bundle of it was ingested"], projects["search"].Reasons);
        Assert.Equal(["tools"], report.Unregistered);
        Assert.Equal(["search"], report.WithoutEvidence);
    }

    [Fact]
    public async Task The_weekly_trends_count_each_week_on_its_own()
    {
        var end = Monday.AddDays(28);
        // Week 0: two Ci runs of main, one failed, coverage 80 and 90. Week 1: nothing. Week 2: one good run, coverage 70. Week 3: two good deployments to prod, one to staging.
        Bundle("shop/w0-a", "shop", Monday.AddDays(1), On("main"), "failed", null, Gate("Coverage", GateStatus.Failed, "line", 80));
        Bundle("shop/w0-b", "shop", Monday.AddDays(2), On("main"), "succeeded", null, Gate("Coverage", GateStatus.Passed, "line", 90));
        Bundle("shop/w0-c", "shop", Monday.AddDays(2), On("feature/x"), "failed");
        Bundle("shop/w2", "shop", Monday.AddDays(15), On("main"), "succeeded", null, Gate("Coverage", GateStatus.Passed, "line", 70));
        Bundle("cart/w2", "cart", Monday.AddDays(16), On("main"), "succeeded", null, Gate("Coverage", GateStatus.Passed, "line", 90));
        Deploy("prod", "deploy", Monday.AddDays(22));
        Deploy("prod", "deploy", Monday.AddDays(23));
        Deploy("staging", "deploy", Monday.AddDays(24));
        using var store = RunStore.Open(await DatabaseAsync());
        new BundleIngest(store).Ingest(Bundles);

        var trends = MetricTrends.Of(store, end, 4).ToDictionary(t => t.Metric);

        Assert.Equal([50.0, null, 100.0, null], trends["pipelineSuccessRate"].Portfolio);
        Assert.Equal([85.0, null, 80.0, null], trends["coverage"].Portfolio); // week 2: shop 70, cart 90
        Assert.Equal([85.0, null, 70.0, null], trends["coverage"].Projects["shop"]);
        Assert.Equal([0.0, 0.0, 0.0, 1.5], trends["deploymentsPerWeek"].Portfolio); // 3 good deployments, 2 environments
        Assert.Equal([null, null, null, 0.0], trends["changeFailureRate"].Portfolio);
    }
}
