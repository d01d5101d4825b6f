using System.Diagnostics;
using System.Net.Sockets;

namespace Tollgate.Tests.Support;

/// <summary>
/// A shared result cache as a team would run one: nginx with its WebDAV module taking <c>PUT</c>, on 127.0.0.1 and a free
/// port, its files in a folder of the test's own (Debian's <c>nginx</c>, installed by the tests' prerequisites).
/// </summary>
internal sealed class NginxCacheServer : IDisposable
{
    private readonly TempDirectory directory = new(withNuke: false);
    private Process? process;

    private NginxCacheServer()
    {
        Port = FreePort.Next();
    }

    public int Port { get; }

    /// <summary>The cache's address.</summary>
    public string Url => $"http://127.0.0.1:{Port}/cache/";

    /// <summary>Where the entries are on disk.</summary>
    public string Data => Path.Combine(directory.Path, "data", "cache");

    /// <summary>Starts nginx and waits until it takes connections.</summary>
    public static async Task<NginxCacheServer> StartAsync()
    {
        var server = new NginxCacheServer();
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Stops nginx (the cache becomes unreachable).</summary>
    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        process?.Dispose();
        directory.Dispose();
    }

    private async Task StartProcessAsync()
    {
        var root = directory.Path;
        Directory.CreateDirectory(Data);
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(root, temp));
        }

        var config = Path.Combine(root, "nginx.conf");
        File.WriteAllText(config, $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            worker_processes 1;
            error_log {{root}}/error.log;
            pid {{root}}/nginx.pid;
            events { worker_connections 64; }
            http {
                access_log {{root}}/access.log;
                client_body_temp_path {{root}}/body;
                proxy_temp_path {{root}}/proxy;
                fastcgi_temp_path {{root}}/fastcgi;
                uwsgi_temp_path {{root}}/uwsgi;
                scgi_temp_path {{root}}/scgi;
                server {
                    listen 127.0.0.1:{{Port}};
                    client_max_body_size 512m;
                    location /cache/ {
                        root {{root}}/data;
                        dav_methods PUT;
                        create_full_put_path on;
                        dav_access user:rw;
                    }
                }
            }
            """);
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("nginx is not installed: the tests' prerequisites install it (./build.sh Test, as root), or apt-get install nginx");
        process = Process.Start(new ProcessStartInfo(nginx, ["-c", config, "-p", root, "-g", "daemon off;"]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}{(File.Exists(Path.Combine(root, "error.log")) ? File.ReadAllText(Path.Combine(root, "error.log")) : "")}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"nginx did not listen on 127.0.0.1:{Port} within a minute");
    }
}
