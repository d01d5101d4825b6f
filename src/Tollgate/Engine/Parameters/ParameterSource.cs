namespace Tollgate.Engine;

/// <summary>Where a parameter's value came from, highest precedence first.</summary>
internal enum ParameterSource
{
    /// <summary>A <c>--kebab-case</c> argument.</summary>
    CommandLine,

    /// <summary>An environment variable.</summary>
    Environment,

    /// <summary>A profile file, <c>.nuke/parameters.NAME.json</c>, chosen with <c>--profile NAME</c>.</summary>
    Profile,

    /// <summary><c>.nuke/parameters.json</c>.</summary>
    ParametersFile,

    /// <summary>The build's code: it overrides a component's parameter property (<c>double ICoverage.CoverageThreshold =&gt; 85;</c>).</summary>
    Code,

    /// <summary>Nobody set it: the build's own default.</summary>
    Default,
}

/// <summary>A value as given, before conversion, with where it was given.</summary>
/// <param name="Values">The words given; none for a bare <c>--flag</c>.</param>
/// <param name="Source">Which kind of source.</param>
/// <param name="Origin">The exact origin, for messages: <c>--max-parallel</c>, <c>environment variable X</c>, a file path.</param>
/// <param name="SplitsLists">True when one word holds a whole list separated by spaces (environment variables).</param>
internal sealed record RawValue(IReadOnlyList<string> Values, ParameterSource Source, string Origin, bool SplitsLists = false);
