namespace Tollgate.IO;

/// <summary>
/// One installer at a time in a shared folder of tools (two runs, or two repositories, sharing
/// <c>--tools-directory</c>): an exclusive lock file the OS releases when the process ends, however it ends.
/// The holder checks again what is installed before it installs.
/// </summary>
internal sealed class InstallLock : IDisposable
{
    private readonly FileStream stream;

    private InstallLock(FileStream stream) => this.stream = stream;

    /// <summary>Waits for the lock of <paramref name="directory"/> (creating the folder), polling until <paramref name="cancellation"/>.</summary>
    public static async Task<InstallLock> AcquireAsync(string directory, CancellationToken cancellation)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, ".tollgate-install.lock");
        while (true)
        {
            try
            {
                return new InstallLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
