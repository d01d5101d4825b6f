using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tollgate.Portfolio;

/// <summary>
/// Where the store of runs lives: an SQLite file (the default, so one command works on a laptop) or a PostgreSQL server for
/// a central team (a connection string, <c>Host=…;Database=…</c>, or a <c>postgresql://</c> address). Both take the same
/// schema and the same statements; only the connection differs. <see cref="Name"/> never holds a password.
/// </summary>
internal sealed record StoreDatabase(string Kind, string ConnectionString, string Name)
{
    /// <summary>SQLite's kind.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>PostgreSQL's kind.</summary>
    public const string PostgreSql = "postgresql";

    /// <summary>The database <paramref name="given"/> names (<c>--audit-database</c>), relative paths from <paramref name="root"/>.</summary>
    /// <exception cref="InvalidDataException">A PostgreSQL address or connection string that cannot be read; the message says why, without the password.</exception>
    public static StoreDatabase Of(string given, string root)
    {
        if (given.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || given.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return FromUri(new Uri(given));
        }

        if (given.Contains("Host=", StringComparison.OrdinalIgnoreCase) && given.Contains(';', StringComparison.Ordinal))
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(given);
                return new StoreDatabase(PostgreSql, builder.ConnectionString, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
            }
            catch (ArgumentException exception)
            {
                throw new InvalidDataException($"--audit-database is not a PostgreSQL connection string ({exception.Message}); give Host=…;Database=…;Username=… or a file path for SQLite.", exception);
            }
        }

        var path = Path.GetFullPath(given, root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new StoreDatabase(Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString, path);
    }

    /// <summary>An open connection.</summary>
    public DbConnection Open()
    {
        DbConnection connection = Kind == Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        try
        {
            connection.Open();
            if (Kind == Sqlite)
            {
                // A write-ahead log: one sync per transaction rather than several, and readers never wait on the ingest.
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
            }

            return connection;
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            connection.Dispose();
            throw new InvalidDataException($"The store of runs {Name} cannot be opened: {exception.Message}", exception);
        }
    }

    private static StoreDatabase FromUri(Uri uri)
    {
        var credentials = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } database ? database : "postgres",
            Username = credentials[0] is { Length: > 0 } user ? Uri.UnescapeDataString(user) : null,
            Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null,
        };
        return new StoreDatabase(PostgreSql, builder.ConnectionString, $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
    }
}
