using Tollgate.Portfolio;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Portfolio;

/// <summary>The store of runs on a real PostgreSQL server (a throw-away cluster on 127.0.0.1): the same behaviour as on SQLite.</summary>
[Trait("Category", "Integration")]
public sealed class PostgresRunStoreTests(PostgresServer server) : RunStoreContract, IClassFixture<PostgresServer>
{
    private protected override async Task<StoreDatabase> DatabaseAsync() => StoreDatabase.Of(await server.NewDatabaseAsync(), "/");
}
