using System.Globalization;

namespace Tollgate.Engine;

/// <summary>Converts raw parameter words into typed values; a word that does not fit is a one-line error.</summary>
internal static class ValueConverter
{
    /// <summary>The value of <paramref name="raw"/> as <paramref name="type"/>.</summary>
    /// <param name="type">string, bool, int, long, double, an enum, <see cref="AbsolutePath"/>, a nullable or an array of those.</param>
    /// <param name="raw">The words as given.</param>
    /// <param name="parameter">The <c>--kebab-name</c>, for messages.</param>
    /// <param name="root">Relative paths are taken from here.</param>
    public static object? Convert(Type type, RawValue raw, string parameter, AbsolutePath root)
    {
        if (type.IsArray)
        {
            var element = type.GetElementType()!;
            var words = raw.SplitsLists
                ? raw.Values.SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : raw.Values;
            var array = Array.CreateInstance(element, words.Count);
            for (var i = 0; i < words.Count; i++)
            {
                array.SetValue(Single(element, words[i], raw, parameter, root), i);
            }

            return array;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (raw.Values.Count == 0)
        {
            return target == typeof(bool)
                ? true
                : throw Error(parameter, raw, "(nothing)", $"a value ({Expected(target)})");
        }

        if (raw.Values.Count > 1)
        {
            throw Error(parameter, raw, string.Join(" ", raw.Values), "a single value; it takes one, not a list");
        }

        return Single(target, raw.Values[0], raw, parameter, root);
    }

    private static object Single(Type type, string word, RawValue raw, string parameter, AbsolutePath root)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        object? value = target switch
        {
            _ when target == typeof(string) => word,
            _ when target == typeof(bool) => ParseBool(word),
            _ when target == typeof(int) => int.TryParse(word, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when target == typeof(long) => long.TryParse(word, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when target == typeof(double) => double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
            _ when target == typeof(AbsolutePath) => word.Length == 0 ? null : new AbsolutePath(System.IO.Path.Combine(root.Value, word)),
            _ when target.IsEnum => Enum.GetNames(target).FirstOrDefault(n => Names.Normalize(n) == Names.Normalize(word)) is { } name
                ? Enum.Parse(target, name)
                : null,
            _ => throw new BuildException($"Parameter --{parameter} has type {target.Name}, which Tollgate cannot set; use string, bool, int, long, double, an enum, AbsolutePath or an array of those."),
        };
        return value ?? throw Error(parameter, raw, word, Expected(target));
    }

    private static bool? ParseBool(string word) => word.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => null,
    };

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number, e.g. 4",
        _ when type == typeof(double) => "a number, e.g. 70 or 72.5",
        _ when type == typeof(AbsolutePath) => "a path, absolute or relative to the root",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
        _ => "a text",
    };

    private static BuildException Error(string parameter, RawValue raw, string word, string expected) =>
        new($"Parameter --{parameter} from {raw.Origin}: '{word}' is not valid; expected {expected}. Fix the value there.");
}
