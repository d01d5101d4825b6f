using System.Diagnostics;
using System.Globalization;

namespace Tollgate.Deploy;

/// <summary>
/// One deployment per environment at a time: a lock file beside the history, created exclusively and holding who took it
/// (and, on its first line, the holding process: host, pid and start time); a second deployment fails at once, naming the
/// holder. A lock whose holder died on this host (no such process, or another one with its pid) is taken over, and the
/// takeover is said. Released when disposed.
/// </summary>
internal sealed class EnvironmentLock : IDisposable
{
    private const string ProcessPrefix = "process ";
    private readonly string path;

    private EnvironmentLock(string path, string? tookOver)
    {
        this.path = path;
        TookOver = tookOver;
    }

    /// <summary>Whom a dead holder's lock was taken from, to be said; null when the lock was free.</summary>
    public string? TookOver { get; }

    /// <summary>Takes the lock of <paramref name="environment"/> at <paramref name="path"/> for <paramref name="holder"/>.</summary>
    /// <exception cref="IOException">A live process holds it; the message names it.</exception>
    public static EnvironmentLock Acquire(string path, string environment, string holder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (TryCreate(path, holder))
        {
            return new EnvironmentLock(path, null);
        }

        var held = File.ReadAllLines(path);
        var who = string.Join(' ', held.Skip(1)).Trim() is { Length: > 0 } text ? text : string.Join(' ', held).Trim();
        if (DeadHolder(held.FirstOrDefault()))
        {
            File.Delete(path);
            if (TryCreate(path, holder))
            {
                return new EnvironmentLock(path, who);
            }
        }

        throw new IOException($"{environment} is being deployed by {who} (lock {path}); wait for it to finish, or delete the lock file if that run died on another machine.");
    }

    /// <inheritdoc />
    public void Dispose() => File.Delete(path);

    private static bool TryCreate(string path, string holder)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            using var self = Process.GetCurrentProcess();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ProcessPrefix}{Environment.MachineName} {Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}"));
            writer.Write($"{holder} since {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    // "process <host> <pid> <start ticks>": dead when on this host and no process has that pid with that start time.
    private static bool DeadHolder(string? line)
    {
        if (line is null || !line.StartsWith(ProcessPrefix, StringComparison.Ordinal)
            || line[ProcessPrefix.Length..].Split(' ') is not [var host, var pidText, var ticksText]
            || host != Environment.MachineName
            || !int.TryParse(pidText, CultureInfo.InvariantCulture, out var pid) || !long.TryParse(ticksText, CultureInfo.InvariantCulture, out var ticks))
        {
            return false; // another host's, or an old lock: only its owner can tell
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited || process.StartTime.ToUniversalTime().Ticks != ticks;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
