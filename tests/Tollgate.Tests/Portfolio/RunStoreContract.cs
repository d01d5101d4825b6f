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
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);
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

    private string Bundle(string path, string repository, DateTimeOffset at, string outcome = "succeeded", DeploymentRecord? deployment = null)
    {
        var directory = Path.Combine(Bundles, path);
        var bundle = new BundleWriter(directory);
        bundle.RecordGate(EvidenceFixture.Gate("Lint", GateStatus.Passed), TimeSpan.FromSeconds(2));
        if (deployment is not null)
        {
            bundle.WriteFile("deployment.json", EvidenceJson.Serialize(deployment));
        }

        EvidenceWriter.Write(bundle, EvidenceFixture.Run(outcome, at) with { Repository = new RepositoryRecord { Name = repository } });
        return directory;
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
        IReadOnlyList<IReadOnlyList<string>> later = [.. StoreMigrations.Steps, ["ALTER TABLE runs ADD COLUMN branch TEXT"]];
        using (var connection = database.Open())
        {
            Assert.Equal(StoreMigrations.Steps.Count, StoreMigrations.Apply(connection, database.Name, later));
            Assert.Equal(later.Count, StoreMigrations.VersionOf(connection));
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM runs WHERE branch IS NULL";
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
}
