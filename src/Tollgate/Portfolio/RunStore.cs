using System.Data.Common;
using System.Globalization;

namespace Tollgate.Portfolio;

/// <summary>
/// The store of runs: every bundle and deployment ingested, in SQLite or PostgreSQL (<see cref="StoreDatabase"/>), at the
/// schema of <see cref="StoreMigrations"/>. A bundle is stored once, by its identity, however often or from wherever it is
/// ingested; the store remembers each path's manifest (size and time) so an unchanged bundle is not read again.
/// </summary>
internal sealed class RunStore : IDisposable
{
    private readonly DbConnection connection;

    private RunStore(StoreDatabase database, DbConnection connection, int openedAt)
    {
        Database = database;
        this.connection = connection;
        OpenedAtVersion = openedAt;
    }

    /// <summary>Where it is.</summary>
    public StoreDatabase Database { get; }

    /// <summary>The schema version the store had before this Tollgate opened it (0: it was new).</summary>
    public int OpenedAtVersion { get; }

    /// <summary>Opens the store, bringing its schema to this Tollgate's.</summary>
    /// <exception cref="InvalidDataException">It cannot be opened, or a newer Tollgate wrote it.</exception>
    public static RunStore Open(StoreDatabase database)
    {
        var connection = database.Open();
        try
        {
            return new RunStore(database, connection, StoreMigrations.Apply(connection, database.Name));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => connection.Dispose();

    /// <summary>The stamp each bundle path had when it was last ingested, by path: one query, however many bundles.</summary>
    public Dictionary<string, string> Stamps() =>
        Query("SELECT path, stamp FROM ingested", r => (Path: r.GetString(0), Stamp: r.GetString(1))).ToDictionary(r => r.Path, r => r.Stamp, StringComparer.Ordinal);

    /// <summary>Stores a run, its gates' verdicts and figures, what it records beyond them, and its deployment; false when the store already held it.</summary>
    public bool Add(StoredRun run, IReadOnlyList<GateEntry> gates, StoredDeployment? deployment, StoredRunDetails details, string stamp) =>
        AddAll([new StoredBundle(run, gates, deployment, details, stamp)]) == 1;

    /// <summary>Stores the bundles in one transaction (all or none); returns how many the store did not hold yet.</summary>
    public int AddAll(IReadOnlyList<StoredBundle> bundles)
    {
        using var transaction = connection.BeginTransaction();
        var count = bundles.Count(bundle => Add(transaction, bundle));
        transaction.Commit();
        return count;
    }

    private bool Add(DbTransaction transaction, StoredBundle bundle)
    {
        var (run, gates, deployment, details, stamp) = (bundle.Run, bundle.Gates, bundle.Deployment, bundle.Details, bundle.Stamp);
        var added = Execute(transaction, """
            INSERT INTO runs (bundle, repository, remote, commit_sha, version, started_at, duration_seconds, outcome, tollgate_version, requested, ci_host, ingested_from, branch, committed_at, ci, commit_prefix)
            VALUES (@bundle, @repository, @remote, @commit, @version, @started, @duration, @outcome, @tollgate, @requested, @host, @from, @branch, @committed, @ci, @prefix)
            ON CONFLICT (bundle) DO NOTHING
            """,
            ("bundle", run.Bundle), ("repository", run.Repository), ("remote", run.Remote), ("commit", run.Commit), ("version", run.Version),
            ("started", run.StartedAt.ToUnixTimeMilliseconds()), ("duration", run.DurationSeconds), ("outcome", run.Outcome), ("tollgate", run.TollgateVersion),
            ("requested", run.Requested), ("host", run.CiHost), ("from", run.IngestedFrom), ("branch", run.Branch), ("committed", run.CommittedAt?.ToUnixTimeMilliseconds()),
            ("ci", run.IsCi ? 1 : 0), ("prefix", run.Commit is { Length: >= 7 } commit ? commit[..7] : run.Commit)) == 1;
        if (added)
        {
            foreach (var gate in gates)
            {
                Execute(transaction, "INSERT INTO gate_results (bundle, gate, status, headline) VALUES (@bundle, @gate, @status, @headline) ON CONFLICT (bundle, gate) DO NOTHING",
                    ("bundle", run.Bundle), ("gate", gate.Name), ("status", gate.Status), ("headline", gate.Headline));
                foreach (var (metric, value) in gate.Metrics.Where(m => double.IsFinite(m.Value)))
                {
                    Execute(transaction, """
                        INSERT INTO gate_metrics (bundle, gate, metric, value, repository, started_at) VALUES (@bundle, @gate, @metric, @value, @repository, @started)
                        ON CONFLICT (bundle, gate, metric) DO NOTHING
                        """,
                        ("bundle", run.Bundle), ("gate", gate.Name), ("metric", metric), ("value", value), ("repository", run.Repository), ("started", run.StartedAt.ToUnixTimeMilliseconds()));
                }
            }

            foreach (var file in details.CiFiles)
            {
                Execute(transaction, "INSERT INTO run_ci_files (bundle, path, sha256) VALUES (@bundle, @path, @sha) ON CONFLICT (bundle, path) DO NOTHING",
                    ("bundle", run.Bundle), ("path", file.Path), ("sha", file.Sha256));
            }

            foreach (var (parameter, value) in details.Overrides)
            {
                Execute(transaction, "INSERT INTO run_overrides (bundle, parameter, value) VALUES (@bundle, @parameter, @value) ON CONFLICT (bundle, parameter) DO NOTHING",
                    ("bundle", run.Bundle), ("parameter", parameter), ("value", value));
            }

            if (deployment is not null)
            {
                Execute(transaction, """
                    INSERT INTO deployments (bundle, repository, environment, action, version, commit_sha, at, outcome, health)
                    VALUES (@bundle, @repository, @environment, @action, @version, @commit, @at, @outcome, @health)
                    ON CONFLICT (bundle) DO NOTHING
                    """,
                    ("bundle", deployment.Bundle), ("repository", deployment.Repository), ("environment", deployment.Environment), ("action", deployment.Action),
                    ("version", deployment.Version), ("commit", deployment.Commit), ("at", deployment.At.ToUnixTimeMilliseconds()), ("outcome", deployment.Outcome),
                    ("health", deployment.Health));
            }
        }

        Execute(transaction, "INSERT INTO ingested (path, stamp, bundle) VALUES (@path, @stamp, @bundle) ON CONFLICT (path) DO UPDATE SET stamp = excluded.stamp, bundle = excluded.bundle",
            ("path", run.IngestedFrom), ("stamp", stamp), ("bundle", run.Bundle));
        return added;
    }

    private const string RunColumns = "bundle, repository, remote, commit_sha, version, started_at, duration_seconds, outcome, tollgate_version, requested, ci_host, ingested_from, branch, committed_at";

    /// <summary>Every run stored, oldest first.</summary>
    public IReadOnlyList<StoredRun> Runs() => Query($"SELECT {RunColumns} FROM runs ORDER BY started_at, bundle", ReadRun);

    /// <summary>Each repository's latest run (of those asked for <c>Ci</c> when <paramref name="ci"/>), by repository.</summary>
    public IReadOnlyList<StoredRun> LatestRuns(bool ci) => Query(
        $"SELECT {string.Join(", ", RunColumns.Split(", ").Select(c => "r." + c))} FROM runs r JOIN ({LatestBundles(ci)}) latest ON latest.bundle = r.bundle ORDER BY r.repository",
        ReadRun);

    /// <summary>Every repository the store holds a run or a deployment of, in order.</summary>
    public IReadOnlyList<string> Repositories() =>
        Query("SELECT repository FROM runs UNION SELECT repository FROM deployments", r => r.GetString(0)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every deployment and rollback stored, oldest first.</summary>
    public IReadOnlyList<StoredDeployment> Deployments() => DeploymentsBetween(DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    /// <summary>
    /// The deployments and rollbacks made in [<paramref name="from"/>, <paramref name="to"/>), oldest first, each with its commit's
    /// time when a run of that commit recorded it (a deployment names its commit in full or abbreviated to 7 characters or more).
    /// </summary>
    public IReadOnlyList<StoredDeployment> DeploymentsBetween(DateTimeOffset from, DateTimeOffset to) => Query(
        """
        SELECT d.bundle, d.repository, d.environment, d.action, d.version, d.commit_sha, d.at, d.outcome, d.health,
            (SELECT MIN(r.committed_at) FROM runs r
                WHERE r.repository = d.repository AND r.commit_prefix = substr(d.commit_sha, 1, 7) AND r.commit_sha LIKE d.commit_sha || '%') AS committed_at
        FROM deployments d WHERE d.at >= @from AND d.at < @to ORDER BY d.at, d.bundle
        """,
        r => new StoredDeployment(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
            r.GetString(7), Text(r, 8), r.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9))),
        ("from", Millis(from)), ("to", Millis(to)));

    /// <summary>
    /// Per repository, branch and bucket (<paramref name="size"/> long, counted from <paramref name="from"/>): of the runs asked for
    /// <c>Ci</c> that started in [<paramref name="from"/>, <paramref name="to"/>), how many succeeded and how many there were. Counted by the database.
    /// </summary>
    public IReadOnlyList<(string Repository, string? Branch, int Bucket, int Succeeded, int Runs)> CiOutcomes(DateTimeOffset from, DateTimeOffset to, TimeSpan size) => Query(
        """
        SELECT repository, branch, (started_at - @from) / @size AS bucket, SUM(CASE WHEN outcome = 'succeeded' THEN 1 ELSE 0 END), COUNT(*)
        FROM runs WHERE ci = 1 AND started_at >= @from AND started_at < @to GROUP BY repository, branch, (started_at - @from) / @size
        """,
        r => (r.GetString(0), Text(r, 1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture)),
        ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()), ("size", (long)size.TotalMilliseconds));

    /// <summary>Per repository and bucket: of <paramref name="gate"/>'s verdicts in runs that started in [<paramref name="from"/>, <paramref name="to"/>), how many passed and how many there were.</summary>
    public IReadOnlyList<(string Repository, int Bucket, int Passed, int Verdicts)> VerdictCounts(string gate, DateTimeOffset from, DateTimeOffset to, TimeSpan size) => Query(
        """
        SELECT r.repository, (r.started_at - @from) / @size AS bucket, SUM(CASE WHEN g.status = 'passed' THEN 1 ELSE 0 END), COUNT(*)
        FROM gate_results g JOIN runs r ON r.bundle = g.bundle
        WHERE g.gate = @gate AND r.started_at >= @from AND r.started_at < @to GROUP BY r.repository, (r.started_at - @from) / @size
        """,
        r => (r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
            Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)),
        ("gate", gate), ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()), ("size", (long)size.TotalMilliseconds));

    /// <summary>Per repository and bucket: the mean of a gate's figure in runs that started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public IReadOnlyList<(string Repository, int Bucket, double Mean)> FigureMeans(string gate, string metric, DateTimeOffset from, DateTimeOffset to, TimeSpan size) => Query(
        """
        SELECT repository, (started_at - @from) / @size AS bucket, AVG(value) FROM gate_metrics
        WHERE gate = @gate AND metric = @metric AND started_at >= @from AND started_at < @to GROUP BY repository, (started_at - @from) / @size
        """,
        r => (r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.GetDouble(2)),
        ("gate", gate), ("metric", metric), ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()), ("size", (long)size.TotalMilliseconds));

    /// <summary>
    /// Per repository, the latest value of a gate's figure in runs that started before <paramref name="to"/>: when, and the value
    /// (of two runs started at once, the one whose bundle sorts last). The index on (gate, metric, repository, start) finds each.
    /// </summary>
    public IReadOnlyDictionary<string, (DateTimeOffset At, double Value)> LatestFigures(string gate, string metric, DateTimeOffset to) => Query(
        """
        SELECT m.repository, m.started_at, m.value, m.bundle FROM gate_metrics m
        JOIN (SELECT repository, MAX(started_at) AS latest FROM gate_metrics WHERE gate = @gate AND metric = @metric AND started_at < @to GROUP BY repository) l
            ON m.repository = l.repository AND m.started_at = l.latest
        WHERE m.gate = @gate AND m.metric = @metric
        """,
        r => (Repository: r.GetString(0), At: DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), Value: r.GetDouble(2), Bundle: r.GetString(3)),
        ("gate", gate), ("metric", metric), ("to", to.ToUnixTimeMilliseconds()))
        .GroupBy(r => r.Repository, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Bundle, StringComparer.Ordinal).Select(r => (r.At, r.Value)).Last(), StringComparer.Ordinal);

    /// <summary>The gates' verdicts in each repository's latest Ci run: repository, gate, status.</summary>
    public IReadOnlyList<(string Repository, string Gate, string Status)> LatestCiGates() => Query(
        $"""
        SELECT latest.repository, g.gate, g.status FROM gate_results g JOIN ({LatestCiBundles}) latest ON latest.bundle = g.bundle ORDER BY latest.repository, g.gate
        """,
        r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    /// <summary>The CI files each repository's latest Ci run ran under: repository, path, digest.</summary>
    public IReadOnlyList<(string Repository, string Path, string Sha256)> LatestCiFiles() => Query(
        $"SELECT latest.repository, f.path, f.sha256 FROM run_ci_files f JOIN ({LatestCiBundles}) latest ON latest.bundle = f.bundle ORDER BY latest.repository, f.path",
        r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    /// <summary>The parameters each repository's latest Ci run overrode: repository, parameter, value.</summary>
    public IReadOnlyList<(string Repository, string Parameter, string? Value)> LatestCiOverrides() => Query(
        $"SELECT latest.repository, o.parameter, o.value FROM run_overrides o JOIN ({LatestCiBundles}) latest ON latest.bundle = o.bundle ORDER BY latest.repository, o.parameter",
        r => (r.GetString(0), r.GetString(1), Text(r, 2)));

    /// <summary>Each repository's latest run's bundle, at every path it was ingested from (relative to the folder ingested then).</summary>
    public IReadOnlyList<(string Repository, string Path)> LatestPaths() => Query(
        $"SELECT latest.repository, i.path FROM ingested i JOIN ({LatestBundles(ci: false)}) latest ON latest.bundle = i.bundle ORDER BY latest.repository, i.path",
        r => (r.GetString(0), r.GetString(1)));

    /// <summary>Each remote each repository's runs recorded, ever.</summary>
    public IReadOnlyList<(string Repository, string Remote)> Remotes() => Query(
        "SELECT DISTINCT repository, remote FROM runs WHERE remote IS NOT NULL ORDER BY repository, remote", r => (r.GetString(0), r.GetString(1)));

    /// <summary>Each environment each repository deployed to, ever.</summary>
    public IReadOnlyList<(string Repository, string Environment)> Environments() => Query(
        "SELECT DISTINCT repository, environment FROM deployments ORDER BY repository, environment", r => (r.GetString(0), r.GetString(1)));

    /// <summary>A gate's figure in a run, or null.</summary>
    public double? Metric(string bundle, string gate, string metric) =>
        Scalar("SELECT value FROM gate_metrics WHERE bundle = @bundle AND gate = @gate AND metric = @metric", ("bundle", bundle), ("gate", gate), ("metric", metric)) is { } value and not DBNull
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : null;

    private static readonly string LatestCiBundles = LatestBundles(ci: true);

    // Each repository's latest run (of those asked for Ci when ci), as bundle and repository: the latest start by an index,
    // and of two runs started at once, the one whose bundle sorts last.
    private static string LatestBundles(bool ci)
    {
        var only = ci ? " AND ci = 1" : "";
        return "SELECT MAX(r.bundle) AS bundle, r.repository FROM runs r"
            + $" JOIN (SELECT repository, MAX(started_at) AS latest FROM runs WHERE 1 = 1{only} GROUP BY repository) l ON r.repository = l.repository AND r.started_at = l.latest"
            + $" WHERE 1 = 1{only.Replace("ci", "r.ci", StringComparison.Ordinal)} GROUP BY r.repository";
    }

    private static StoredRun ReadRun(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), r.GetDouble(6),
        r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11), Text(r, 12), r.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13)));

    private static long Millis(DateTimeOffset at) => at == DateTimeOffset.MinValue ? long.MinValue : at == DateTimeOffset.MaxValue ? long.MaxValue : at.ToUnixTimeMilliseconds();

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(null, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(null, sql, parameters);
        return command.ExecuteScalar();
    }

    private int Execute(DbTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private DbCommand Command(DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
