using System.Text.RegularExpressions;
using Tollgate.Tools.Assemblies;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>
/// Which types a rule speaks of. <c>Namespace.*</c>: the types directly in a namespace;
/// <c>Namespace.**</c>: in it or below it; a pattern without a dot matches the simple name
/// (<c>*</c> everything, <c>*Controller</c>); <c>assembly:Name*</c> matches the assembly;
/// <c>regex:…</c> or <c>/…/</c> is a regular expression over the full name.
/// </summary>
internal sealed class TypePattern
{
    private readonly Regex regex;
    private readonly bool onAssembly;
    private readonly bool onSimpleName;

    private TypePattern(string text, Regex regex, bool onAssembly, bool onSimpleName)
    {
        Text = text;
        this.regex = regex;
        this.onAssembly = onAssembly;
        this.onSimpleName = onSimpleName;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>Parses a pattern; a bad regular expression is an <see cref="ArgumentException"/>.</summary>
    public static TypePattern Parse(string text)
    {
        if (text.StartsWith("regex:", StringComparison.Ordinal))
        {
            return new TypePattern(text, new Regex(text["regex:".Length..], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), false, false);
        }

        if (text.Length > 2 && text.StartsWith('/') && text.EndsWith('/'))
        {
            return new TypePattern(text, new Regex(text[1..^1], RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), false, false);
        }

        if (text.StartsWith("assembly:", StringComparison.Ordinal))
        {
            return new TypePattern(text, Glob(text["assembly:".Length..]), true, false);
        }

        return new TypePattern(text, Glob(text), false, !text.Contains('.', StringComparison.Ordinal));
    }

    /// <summary>True when <paramref name="type"/> matches.</summary>
    public bool Matches(TypeDependencies type) =>
        onAssembly ? regex.IsMatch(type.Assembly) : MatchesName(type.Type);

    /// <summary>True when the full type name matches (for dependency targets, whose assembly is not read).</summary>
    public bool MatchesName(string fullName) =>
        regex.IsMatch(onSimpleName ? SimpleName(fullName) : fullName);

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string SimpleName(string fullName)
    {
        var start = Math.Max(fullName.LastIndexOf('.'), fullName.LastIndexOf('+')) + 1;
        var tick = fullName.IndexOf('`', start);
        return tick < 0 ? fullName[start..] : fullName[start..tick];
    }

    // "**" any characters, "*" any but a dot; "Ns.**" also matches the types directly in Ns.
    private static Regex Glob(string glob)
    {
        var pattern = Regex.Escape(glob).Replace(@"\.\*\*", @"(\..*)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", @"[^.]*", StringComparison.Ordinal);
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }
}
