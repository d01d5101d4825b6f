namespace Tollgate.Gates.Cache;

/// <summary>How a run uses the result cache: <c>read-write</c> (the default), <c>read</c> (a fork's pull request), <c>write</c> (a forced full run that refreshes it), <c>off</c>.</summary>
internal enum CacheMode
{
    /// <summary>Reuse what is there and store what ran.</summary>
    ReadWrite,

    /// <summary>Reuse, store nothing.</summary>
    Read,

    /// <summary>Run everything, store what ran.</summary>
    Write,

    /// <summary>Neither.</summary>
    Off,
}

/// <summary>The <c>--cache</c> parameter's words.</summary>
internal static class CacheModes
{
    /// <summary>The words <c>--cache</c> takes.</summary>
    public const string Words = "read-write, read, write or off";

    /// <summary>The mode a word names, or null.</summary>
    public static CacheMode? Parse(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "read-write" or "readwrite" or "on" => CacheMode.ReadWrite,
        "read" => CacheMode.Read,
        "write" => CacheMode.Write,
        "off" => CacheMode.Off,
        _ => null,
    };

    /// <summary>Whether results are looked up.</summary>
    public static bool Reads(this CacheMode mode) => mode is CacheMode.ReadWrite or CacheMode.Read;

    /// <summary>Whether results are stored.</summary>
    public static bool Writes(this CacheMode mode) => mode is CacheMode.ReadWrite or CacheMode.Write;

    /// <summary>The word for a mode.</summary>
    public static string Word(this CacheMode mode) => mode switch
    {
        CacheMode.ReadWrite => "read-write",
        CacheMode.Read => "read",
        CacheMode.Write => "write",
        _ => "off",
    };
}
