using System.Text.Json;

namespace Tollgate.Engine;

/// <summary>
/// One run at a time per repository for runs that write evidence or shared build state
/// (<c>.nuke/temp/run.lock</c>). The lock is the operating system's (an exclusive lock on the open file),
/// so it ends with the process that holds it, however that process ends. Who holds it (process id and
/// command line) is written beside it, for the message a waiting run shows.
/// </summary>
internal sealed class RepositoryLock : IDisposable
{
    /// <summary>The lock file, under the root.</summary>
    public const string RelativePath = ".nuke/temp/run.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly FileStream stream;
    private readonly string holderFile;

    private RepositoryLock(FileStream stream, string holderFile)
    {
        this.stream = stream;
        this.holderFile = holderFile;
    }

    /// <summary>
    /// Takes the lock of <paramref name="root"/>. When another run holds it: fails at once when
    /// <paramref name="wait"/> is false, otherwise says once who holds it and waits until it is free.
    /// The holder's command line is written through <paramref name="mask"/>, so no secret reaches the disk.
    /// </summary>
    /// <exception cref="BuildException">The lock is held and <paramref name="wait"/> is false.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public static async Task<RepositoryLock> AcquireAsync(AbsolutePath root, bool wait, Func<string, string> mask, Action<string> say, CancellationToken cancellation)
    {
        var path = root / RelativePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var holderFile = path + ".holder";
        var told = false;
        while (true)
        {
            if (TryOpen(path) is { } stream)
            {
                var held = new RepositoryLock(stream, holderFile);
                File.WriteAllText(holderFile, JsonSerializer.Serialize(new Holder(Environment.ProcessId, mask(Environment.CommandLine), DateTimeOffset.UtcNow)));
                return held;
            }

            var holder = Describe(holderFile);
            if (!wait)
            {
                throw new BuildException($"Another run holds {RelativePath} ({holder}); wait for it to end, or run without --no-wait to wait.");
            }

            if (!told)
            {
                say($"Waiting for another run in this repository to end ({holder}; lock {RelativePath}); pass --no-wait to fail at once instead.");
                told = true;
            }

            await Task.Delay(Poll, cancellation).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            File.Delete(holderFile);
        }
        catch (IOException)
        {
            // the next holder overwrites it
        }

        stream.Dispose();
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a sharing lock on Windows.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string Describe(string holderFile)
    {
        try
        {
            var holder = JsonSerializer.Deserialize<Holder>(File.ReadAllText(holderFile));
            return holder is null ? "holder unknown" : $"process {holder.Pid}: {holder.CommandLine}, since {holder.Since:HH:mm:ss} UTC";
        }
        catch (Exception exception) when (exception is IOException or JsonException or UnauthorizedAccessException)
        {
            return "holder unknown";
        }
    }

    private sealed record Holder(int Pid, string CommandLine, DateTimeOffset Since);
}
