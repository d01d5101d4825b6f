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

    /// <summary>The stamp the bundle at <paramref name="path"/> had when it was last ingested, or null.</summary>
    public string? StampOf(string path) => Scalar("SELECT stamp FROM ingested WHERE path = @path", ("path", path)) as string;

    /// <summary>Stores a run, its gates' verdicts and figures, and its deployment, in one transaction; false when the store already held it.</summary>
    public bool Add(StoredRun run, IReadOnlyList<GateEntry> gates, StoredDeployment? deployment, string stamp)
    {
        using var transaction = connection.BeginTransaction();
        var added = Execute(transaction, """
            INSERT INTO runs (bundle, repository, remote, commit_sha, version, started_at, duration_seconds, outcome, tollgate_version, requested, ci_host, ingested_from)
            VALUES (@bundle, @repository, @remote, @commit, @version, @started, @duration, @outcome, @tollgate, @requested, @host, @from)
            ON CONFLICT (bundle) DO NOTHING
            """,
            ("bundle", run.Bundle), ("repository", run.Repository), ("remote", run.Remote), ("commit", run.Commit), ("version", run.Version),
            ("started", run.StartedAt.ToUnixTimeMilliseconds()), ("duration", run.DurationSeconds), ("outcome", run.Outcome), ("tollgate", run.TollgateVersion),
            ("requested", run.Requested), ("host", run.CiHost), ("from", run.IngestedFrom)) == 1;
        if (added)
        {
            foreach (var gate in gates)
            {
                Execute(transaction, "INSERT INTO gate_results (bundle, gate, status, headline) VALUES (@bundle, @gate, @status, @headline) ON CONFLICT (bundle, gate) DO NOTHING",
                    ("bundle", run.Bundle), ("gate", gate.Name), ("status", gate.Status), ("headline", gate.Headline));
                foreach (var (metric, value) in gate.Metrics.Where(m => double.IsFinite(m.Value)))
                {
                    Execute(transaction, "INSERT INTO gate_metrics (bundle, gate, metric, value) VALUES (@bundle, @gate, @metric, @value) ON CONFLICT (bundle, gate, metric) DO NOTHING",
                        ("bundle", run.Bundle), ("gate", gate.Name), ("metric", metric), ("value", value));
                }
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
        transaction.Commit();
        return added;
    }

    /// <summary>Every run stored, oldest first.</summary>
    public IReadOnlyList<StoredRun> Runs() => Query(
        "SELECT bundle, repository, remote, commit_sha, version, started_at, duration_seconds, outcome, tollgate_version, requested, ci_host, ingested_from FROM runs ORDER BY started_at, bundle",
        r => new StoredRun(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), r.GetDouble(6),
            r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11)));

    /// <summary>Every deployment and rollback stored, oldest first.</summary>
    public IReadOnlyList<StoredDeployment> Deployments() => Query(
        "SELECT bundle, repository, environment, action, version, commit_sha, at, outcome, health FROM deployments ORDER BY at, bundle",
        r => new StoredDeployment(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
            r.GetString(7), Text(r, 8)));

    /// <summary>The runs that started in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public IReadOnlyList<StoredRun> RunsBetween(DateTimeOffset from, DateTimeOffset to) => Query(
        "SELECT bundle, repository, remote, commit_sha, version, started_at, duration_seconds, outcome, tollgate_version, requested, ci_host, ingested_from FROM runs"
            + " WHERE started_at >= @from AND started_at < @to ORDER BY started_at, bundle",
        r => new StoredRun(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), r.GetDouble(6),
            r.GetString(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11)),
        ("from", from.ToUnixTimeMilliseconds()), ("to", to.ToUnixTimeMilliseconds()));

    /// <summary>Each verdict of <paramref name="gate"/> in runs that started before <paramref name="to"/>: repository, start, status; oldest first.</summary>
    public IReadOnlyList<(string Repository, DateTimeOffset At, string Status)> Verdicts(string gate, DateTimeOffset to) => Query(
        "SELECT r.repository, r.started_at, g.status FROM gate_results g JOIN runs r ON r.bundle = g.bundle WHERE g.gate = @gate AND r.started_at < @to ORDER BY r.started_at, r.bundle",
        r => (r.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetString(2)),
        ("gate", gate), ("to", to.ToUnixTimeMilliseconds()));

    /// <summary>Each value of a gate's figure in runs that started before <paramref name="to"/>: repository, start, value; oldest first.</summary>
    public IReadOnlyList<(string Repository, DateTimeOffset At, double Value)> Figures(string gate, string metric, DateTimeOffset to) => Query(
        "SELECT r.repository, r.started_at, m.value FROM gate_metrics m JOIN runs r ON r.bundle = m.bundle WHERE m.gate = @gate AND m.metric = @metric AND r.started_at < @to"
            + " ORDER BY r.started_at, r.bundle",
        r => (r.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(1)), r.GetDouble(2)),
        ("gate", gate), ("metric", metric), ("to", to.ToUnixTimeMilliseconds()));

    /// <summary>A gate's figure in a run, or null.</summary>
    public double? Metric(string bundle, string gate, string metric) =>
        Scalar("SELECT value FROM gate_metrics WHERE bundle = @bundle AND gate = @gate AND metric = @metric", ("bundle", bundle), ("gate", gate), ("metric", metric)) is { } value and not DBNull
            ? Convert.ToDouble(value, CultureInfo.InvariantCulture)
            : null;

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
