using Tollgate.IO;

namespace Tollgate.Gates.Cache;

/// <summary>
/// A folder of entries, by default the user's (<c>$XDG_CACHE_HOME/tollgate</c>, else <c>~/.cache/tollgate</c>), so every
/// checkout on the machine shares it: <c>&lt;folder&gt;/ab/abcdef…</c>. Written atomically, so two runs at once never read half an entry.
/// </summary>
internal sealed class LocalCacheStore(string directory) : ICacheStore
{
    /// <summary>The folder.</summary>
    public string Directory { get; } = directory;

    /// <inheritdoc />
    public string Name => Directory;

    /// <summary>The default folder, from the environment a build runs in.</summary>
    public static string DefaultDirectory(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.GetValueOrDefault("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "tollgate");
        }

        var home = environment.GetValueOrDefault("HOME") is { Length: > 0 } given ? given : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "tollgate");
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string name, CancellationToken cancellation)
    {
        var path = PathOf(name);
        try
        {
            return Task.FromResult(File.Exists(path) ? File.ReadAllBytes(path) : null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CacheUnreachableException($"{path} cannot be read: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public Task<bool> HasAsync(string name, CancellationToken cancellation) => Task.FromResult(File.Exists(PathOf(name)));

    /// <inheritdoc />
    public Task PutAsync(string name, byte[] blob, CancellationToken cancellation)
    {
        try
        {
            AtomicFile.Write(PathOf(name), blob);
            return Task.CompletedTask;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CacheUnreachableException($"{Directory} cannot be written: {exception.Message}", exception);
        }
    }

    private string PathOf(string name) => Path.Combine(Directory, name[..2], name);
}
