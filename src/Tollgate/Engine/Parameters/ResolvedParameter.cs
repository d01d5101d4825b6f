namespace Tollgate.Engine;

/// <summary>A parameter's effective value and where it came from.</summary>
/// <param name="Descriptor">The parameter.</param>
/// <param name="Value">Its value now.</param>
/// <param name="DefaultValue">The value it has when nobody sets it.</param>
/// <param name="Source">Where the value came from.</param>
/// <param name="Origin">The exact origin (an argument, a variable name, a file), or "default".</param>
internal sealed record ResolvedParameter(ParameterDescriptor Descriptor, object? Value, object? DefaultValue, ParameterSource Source, string Origin)
{
    /// <summary>True when a source other than the build's default set it.</summary>
    public bool IsOverridden => Source != ParameterSource.Default;

    /// <summary>The value as one line: lists joined by spaces, paths relative to the root, secrets masked.</summary>
    public string Display(AbsolutePath root) => Descriptor.IsSecret ? (Value is null ? "" : SecretMasker.Mask) : Format(Value, root);

    /// <summary>Formats any parameter value as one line.</summary>
    public static string Format(object? value, AbsolutePath root) => value switch
    {
        null => "",
        AbsolutePath path => path.RelativeTo(root),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => string.Join(" ", list.Cast<object?>().Select(v => Format(v, root))),
        _ => value.ToString() ?? "",
    };
}
