using Tollgate.IO;

namespace Tollgate;

/// <summary>A full path; parameters of this type given as relative paths are taken relative to the build root.</summary>
public sealed record AbsolutePath
{
    /// <summary>Wraps a path, making it full.</summary>
    public AbsolutePath(string path) => Value = System.IO.Path.GetFullPath(path);

    /// <summary>The full path.</summary>
    public string Value { get; }

    /// <summary>The last segment.</summary>
    public string Name => System.IO.Path.GetFileName(Value);

    /// <summary>The parent directory.</summary>
    public AbsolutePath Parent => new(System.IO.Path.GetDirectoryName(Value) ?? Value);

    /// <summary>A path below this one.</summary>
    public static AbsolutePath operator /(AbsolutePath left, string right) => new(System.IO.Path.Combine(left.Value, right));

    /// <summary>The full path as a string.</summary>
    public static implicit operator string(AbsolutePath path) => path.Value;

    /// <summary>This path relative to <paramref name="root"/>, with forward slashes, as written into evidence.</summary>
    public string RelativeTo(AbsolutePath root) => PortablePath.Relative(root.Value, Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
