using Tollgate.Portfolio;

namespace Tollgate.Tests.Portfolio;

/// <summary>The store of runs in an SQLite file, the default.</summary>
public sealed class SqliteRunStoreTests : RunStoreContract
{
    private protected override Task<StoreDatabase> DatabaseAsync() => Task.FromResult(StoreDatabase.Of("audit/portfolio.sqlite", StoreFolder));

    [Fact]
    public void A_file_path_is_sqlite_and_a_postgresql_address_or_connection_string_is_postgresql_named_without_its_password()
    {
        Assert.Equal((StoreDatabase.Sqlite, Path.Combine(StoreFolder, "audit", "runs.db")), (StoreDatabase.Of("audit/runs.db", StoreFolder).Kind, StoreDatabase.Of("audit/runs.db", StoreFolder).Name));
        var password = Guid.NewGuid().ToString("N");
        var address = StoreDatabase.Of($"postgresql://audit:{password}@db.example.invalid:6543/portfolio", StoreFolder);
        Assert.Equal((StoreDatabase.PostgreSql, "postgresql://db.example.invalid:6543/portfolio"), (address.Kind, address.Name));
        Assert.Contains($"Password={password}", address.ConnectionString, StringComparison.Ordinal);
        var given = StoreDatabase.Of($"Host=db.example.invalid;Database=portfolio;Username=audit;Password={password}", StoreFolder);
        Assert.Equal((StoreDatabase.PostgreSql, "postgresql://db.example.invalid:5432/portfolio"), (given.Kind, given.Name));
    }
}
