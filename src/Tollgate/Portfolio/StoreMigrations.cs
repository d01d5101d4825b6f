using System.Data.Common;

namespace Tollgate.Portfolio;

/// <summary>
/// The store's schema, as numbered steps: a store is at the version of the last step applied (in <c>store_version</c>), and
/// opening it applies the later ones, each in a transaction, so a newer Tollgate opens an older store and nothing in it is
/// lost. A store written by a newer Tollgate than this one is refused, not guessed at. One text serves SQLite and PostgreSQL:
/// BIGINT, DOUBLE PRECISION and TEXT mean the same in both, and times are Unix milliseconds.
/// </summary>
internal static class StoreMigrations
{
    /// <summary>The steps, in order; step i brings a store to version i + 1. Never edit one that shipped: add a step.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Steps =
    [
        [
            """
            CREATE TABLE runs (
                bundle TEXT PRIMARY KEY,
                repository TEXT NOT NULL,
                remote TEXT,
                commit_sha TEXT,
                version TEXT,
                started_at BIGINT NOT NULL,
                duration_seconds DOUBLE PRECISION NOT NULL,
                outcome TEXT NOT NULL,
                tollgate_version TEXT NOT NULL,
                requested TEXT NOT NULL,
                ci_host TEXT NOT NULL,
                ingested_from TEXT NOT NULL)
            """,
            "CREATE INDEX runs_by_repository ON runs (repository, started_at)",
            """
            CREATE TABLE gate_results (
                bundle TEXT NOT NULL,
                gate TEXT NOT NULL,
                status TEXT NOT NULL,
                headline TEXT NOT NULL,
                PRIMARY KEY (bundle, gate))
            """,
            """
            CREATE TABLE gate_metrics (
                bundle TEXT NOT NULL,
                gate TEXT NOT NULL,
                metric TEXT NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (bundle, gate, metric))
            """,
            """
            CREATE TABLE deployments (
                bundle TEXT PRIMARY KEY,
                repository TEXT NOT NULL,
                environment TEXT NOT NULL,
                action TEXT NOT NULL,
                version TEXT NOT NULL,
                commit_sha TEXT,
                at BIGINT NOT NULL,
                outcome TEXT NOT NULL,
                health TEXT)
            """,
            "CREATE INDEX deployments_by_environment ON deployments (repository, environment, at)",
            """
            CREATE TABLE ingested (
                path TEXT PRIMARY KEY,
                stamp TEXT NOT NULL,
                bundle TEXT NOT NULL)
            """,
        ],
        [
            // 2: what the registry's compliance and the lead time read. A run's branch and commit time, whether it ran Ci (once
            // from what it requested, so the metrics need no text search), the CI files it ran under, the parameters it overrode.
            "ALTER TABLE runs ADD COLUMN branch TEXT",
            "ALTER TABLE runs ADD COLUMN committed_at BIGINT",
            "ALTER TABLE runs ADD COLUMN ci INTEGER NOT NULL DEFAULT 0",
            "UPDATE runs SET ci = 1 WHERE ' ' || requested || ' ' LIKE '% Ci %'",
            "CREATE INDEX runs_by_time ON runs (started_at)",
            "CREATE INDEX runs_by_commit ON runs (repository, commit_sha)",
            "CREATE INDEX deployments_by_time ON deployments (at)",
            """
            CREATE TABLE run_ci_files (
                bundle TEXT NOT NULL,
                path TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                PRIMARY KEY (bundle, path))
            """,
            """
            CREATE TABLE run_overrides (
                bundle TEXT NOT NULL,
                parameter TEXT NOT NULL,
                value TEXT,
                PRIMARY KEY (bundle, parameter))
            """,
        ],
        [
            // 3: what a portfolio of 500 repositories and a year of runs needs to be read in seconds. A figure carries its run's
            // repository and start, so "each repository's latest coverage" is an index's work; a run carries its commit's first
            // 7 characters, so a deployment finds its commit's time by an index, not by a pattern.
            "ALTER TABLE gate_metrics ADD COLUMN repository TEXT",
            "ALTER TABLE gate_metrics ADD COLUMN started_at BIGINT",
            "UPDATE gate_metrics SET repository = (SELECT r.repository FROM runs r WHERE r.bundle = gate_metrics.bundle), started_at = (SELECT r.started_at FROM runs r WHERE r.bundle = gate_metrics.bundle)",
            "CREATE INDEX gate_metrics_latest ON gate_metrics (gate, metric, repository, started_at)",
            "ALTER TABLE runs ADD COLUMN commit_prefix TEXT",
            "UPDATE runs SET commit_prefix = substr(commit_sha, 1, 7)",
            "CREATE INDEX runs_by_commit_prefix ON runs (repository, commit_prefix)",
            "CREATE INDEX runs_latest_ci ON runs (ci, repository, started_at)",
        ],
    ];

    /// <summary>Brings the store on <paramref name="connection"/> to the last of <paramref name="steps"/> (default: <see cref="Steps"/>); returns the version it was at.</summary>
    /// <exception cref="InvalidDataException">The store is newer than this Tollgate.</exception>
    public static int Apply(DbConnection connection, string name, IReadOnlyList<IReadOnlyList<string>>? steps = null)
    {
        steps ??= Steps;
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS store_version (version BIGINT NOT NULL)");
        var found = VersionOf(connection);
        if (found > steps.Count)
        {
            throw new InvalidDataException($"The store of runs {name} is at version {found}, written by a newer Tollgate than this one (which knows up to {steps.Count}); upgrade Tollgate to read it.");
        }

        for (var step = found; step < steps.Count; step++)
        {
            using var transaction = connection.BeginTransaction();
            foreach (var statement in steps[step])
            {
                Execute(connection, transaction, statement);
            }

            Execute(connection, transaction, "DELETE FROM store_version");
            Execute(connection, transaction, $"INSERT INTO store_version (version) VALUES ({step + 1})");
            transaction.Commit();
        }

        return found;
    }

    /// <summary>The version the store on <paramref name="connection"/> is at.</summary>
    public static int VersionOf(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM store_version";
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
