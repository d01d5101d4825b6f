namespace Tollgate.Deploy;

/// <summary>
/// One deployment per environment at a time: a lock file beside the history, created exclusively and
/// holding who took it; a second deployment fails at once, naming the holder. Released when disposed.
/// </summary>
internal sealed class EnvironmentLock : IDisposable
{
    private readonly string path;

    private EnvironmentLock(string path) => this.path = path;

    /// <summary>Takes the lock of <paramref name="environment"/> at <paramref name="path"/> for <paramref name="holder"/>.</summary>
    /// <exception cref="IOException">Someone holds it; the message names them.</exception>
    public static EnvironmentLock Acquire(string path, string environment, string holder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream);
            writer.Write($"{holder} since {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}");
        }
        catch (IOException) when (File.Exists(path))
        {
            var held = File.ReadAllText(path).Trim();
            throw new IOException($"{environment} is being deployed by {held} (lock {path}); wait for it to finish, or delete the lock file if that run died.");
        }

        return new EnvironmentLock(path);
    }

    /// <inheritdoc />
    public void Dispose() => File.Delete(path);
}
