namespace Tollgate.Gates.Cache;

/// <summary>Where entries are kept: blobs by name, read and written whole.</summary>
internal interface ICacheStore
{
    /// <summary>What it is, for messages (a folder, or a URL without credentials).</summary>
    string Name { get; }

    /// <summary>The blob stored under <paramref name="name"/>, or null when there is none.</summary>
    /// <exception cref="CacheUnreachableException">The store cannot be reached or answered with an error.</exception>
    Task<byte[]?> GetAsync(string name, CancellationToken cancellation);

    /// <summary>Whether a blob is stored under <paramref name="name"/>.</summary>
    /// <exception cref="CacheUnreachableException">The store cannot be reached or answered with an error.</exception>
    Task<bool> HasAsync(string name, CancellationToken cancellation);

    /// <summary>Stores <paramref name="blob"/> under <paramref name="name"/>, replacing what was there.</summary>
    /// <exception cref="CacheUnreachableException">The store cannot be reached or refused it.</exception>
    Task PutAsync(string name, byte[] blob, CancellationToken cancellation);
}

/// <summary>A cache store that cannot be reached or answered with an error: a warning and a run without it, never a failure.</summary>
internal sealed class CacheUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
