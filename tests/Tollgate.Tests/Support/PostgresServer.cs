using Npgsql;

namespace Tollgate.Tests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster on 127.0.0.1 and a free port (Debian's <c>postgresql</c>, installed by the tests'
/// prerequisites): <c>initdb</c> into a folder of its own, started with <c>pg_ctl</c>, removed when disposed. PostgreSQL
/// refuses to run as root, so as root the cluster belongs to the <c>postgres</c> user. Each test takes a fresh database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly TempDirectory directory = new(withNuke: false);
    private string bin = "";

    public int Port { get; } = FreePort.Next();

    private string Data => Path.Combine(directory.Path, "data");

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>A new, empty database's connection string.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=tollgate;Database={database};Pooling=false";

    public async Task InitializeAsync()
    {
        bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault() ?? ""
            : "";
        if (bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed: the tests' prerequisites install it (./build.sh Test, as root), or apt-get install postgresql");
        }

        Directory.CreateDirectory(Data);
        if (AsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory.Path]);
        }

        await RunAsPostgresAsync("initdb", ["-D", Data, "-A", "trust", "-U", "tollgate", "-E", "UTF8", "--no-sync"]);
        await RunAsPostgresAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(directory.Path, "server.log"), "-w", "-t", "120", "-o", $"-p {Port} -h 127.0.0.1 -k {directory.Path} -F", "start"]);
    }

    public async Task DisposeAsync()
    {
        if (bin.Length > 0 && File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await RunAsPostgresAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);
        }

        directory.Dispose();
    }

    private Task RunAsPostgresAsync(string program, string[] arguments) =>
        AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, program), .. arguments]) : RunAsync(Path.Combine(bin, program), arguments);

    private async Task RunAsync(string program, string[] arguments)
    {
        var run = await Shell.RunAsync(directory.Path, program, arguments, TimeSpan.FromMinutes(3));
        if (run.ExitCode != 0)
        {
            var log = Path.Combine(directory.Path, "server.log");
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {run.ExitCode}: {run.Output}{run.Error}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }
}
