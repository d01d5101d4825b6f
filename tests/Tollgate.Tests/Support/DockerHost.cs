using System.Diagnostics;
using System.Formats.Tar;
using Tollgate.Tools.Docker;

namespace Tollgate.Tests.Support;

[CollectionDefinition(nameof(DockerCollection))]
public sealed class DockerCollection : ICollectionFixture<DockerHost>;

/// <summary>
/// A real Docker engine and a real OCI registry for the tests that need them: Debian's <c>dockerd</c>
/// started with its own socket and data (bridge and iptables off: containers use host networking),
/// a base image imported from the static busybox on this machine (there are no registry images here),
/// and Debian's <c>docker-registry</c> serving on 127.0.0.1. Both stop when the tests end.
/// </summary>
public sealed class DockerHost : IAsyncLifetime
{
    /// <summary>The base image every test image is built from: busybox, with <c>sh</c>, <c>httpd</c>, <c>wget</c>.</summary>
    public const string BaseImage = "tollgate-test/busybox:local";

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"tollgate-docker-{Environment.ProcessId}");
    private Process? daemon;
    private Process? registry;

    public string Socket => Path.Combine(directory, "docker.sock");

    /// <summary>The registry's address, <c>127.0.0.1:port</c>.</summary>
    public string Registry { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        daemon = Start("dockerd",
            "--host", $"unix://{Socket}", "--data-root", Path.Combine(directory, "data"), "--exec-root", Path.Combine(directory, "exec"),
            "--pidfile", Path.Combine(directory, "docker.pid"), "--bridge", "none", "--iptables=false", "--ip6tables=false");
        using var engine = new DockerEngine(Socket);
        await Until(async () =>
        {
            try
            {
                await engine.VersionAsync(CancellationToken.None);
                return true;
            }
            catch (DockerEngineException)
            {
                return false;
            }
        }, "dockerd to answer on " + Socket, daemon);

        await engine.ImportAsync(BusyboxRootfs(), BaseImage.Split(':')[0], BaseImage.Split(':')[1], CancellationToken.None);

        var port = FreePort.Next();
        Registry = $"127.0.0.1:{port}";
        var config = Path.Combine(directory, "registry.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(directory, "registry")}
            http:
              addr: 127.0.0.1:{port}
            """);
        registry = Start("docker-registry", "serve", config);
        using var http = new HttpClient();
        await Until(async () =>
        {
            try
            {
                return (await http.GetAsync($"http://{Registry}/v2/")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "docker-registry to answer on " + Registry, registry);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new[] { registry, daemon }.OfType<Process>())
        {
            if (!process.HasExited)
            {
                Interop.Kill(process.Id, 15);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            process.Dispose();
        }

        // dockerd leaves its network namespace (and, when stopped hard, layers) mounted below its directory.
        foreach (var mount in File.ReadLines("/proc/mounts").Select(l => l.Split(' ')[1]).Where(m => m == directory || m.StartsWith(directory + "/", StringComparison.Ordinal)).OrderDescending())
        {
            await Shell.RunAsync("/", "umount", ["-l", mount]);
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // something still holds a file; the OS cleans the temp folder
        }
    }

    /// <summary>Asks the registry for a tag's manifest digest (<c>Docker-Content-Digest</c>).</summary>
    public async Task<string?> ManifestDigestAsync(string repository, string tag)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{Registry}/v2/{repository}/manifests/{tag}");
        request.Headers.Accept.ParseAdd("application/vnd.docker.distribution.manifest.v2+json");
        request.Headers.Accept.ParseAdd("application/vnd.oci.image.manifest.v1+json");
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode ? response.Headers.GetValues("Docker-Content-Digest").Single() : null;
    }

    private Process Start(string program, params string[] args)
    {
        var log = File.CreateText(Path.Combine(directory, program + ".log"));
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false },
        };
        foreach (var arg in args)
        {
            process.StartInfo.ArgumentList.Add(arg);
        }

        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"{program} is not installed: these tests need Debian's docker.io and docker-registry (.ci/run installs them).", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
            log.Flush();
        }
    }

    private async Task Until(Func<Task<bool>> ready, string what, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!await ready())
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                var log = Path.Combine(directory, Path.GetFileName(process.StartInfo.FileName) + ".log");
                throw new InvalidOperationException($"Gave up waiting for {what}: {(File.Exists(log) ? string.Join("\n", File.ReadLines(log).TakeLast(10)) : "")}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>A root filesystem with the static busybox and its applets as links.</summary>
    private static MemoryStream BusyboxRootfs()
    {
        var stream = new MemoryStream();
        using (var tar = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "bin/"));
            tar.WriteEntry("/bin/busybox", "bin/busybox");
            foreach (var applet in new[] { "sh", "httpd", "wget", "cat", "echo", "ls", "sleep", "true", "false" })
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, $"bin/{applet}") { LinkName = "busybox" });
            }
        }

        stream.Position = 0;
        return stream;
    }
}
