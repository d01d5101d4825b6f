namespace Tollgate.Evidence;

/// <summary>Tollgate versions in release order: by their numbers, a pre-release before its release.</summary>
internal sealed class VersionOrder : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static readonly VersionOrder Instance = new();

    public int Compare(string? x, string? y) => Key(x).CompareTo(Key(y));

    private static (Version, bool, string) Key(string? text)
    {
        var core = (text ?? "0.0.0").Split('-', '+')[0];
        return (Version.TryParse(core, out var version) ? version : new Version(0, 0), !(text ?? "").Contains('-', StringComparison.Ordinal), text ?? "");
    }
}
