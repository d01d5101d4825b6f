namespace Tollgate;

/// <summary>When a repository's own value of a policy parameter is weaker than the default.</summary>
internal enum Weaker
{
    /// <summary>Never: the value is a choice, not a bar (a version tool, a timeout).</summary>
    Never,

    /// <summary>A lower number (a threshold).</summary>
    Lower,

    /// <summary>A higher number (a tolerance).</summary>
    Higher,

    /// <summary>A list without one of the default's entries (severities that fail, required gates).</summary>
    Missing,
}

/// <summary>A policy value of <c>Policy/defaults.json</c> and the one parameter that sets it (<c>$parameters</c> there).</summary>
/// <param name="Key">The value's dotted path in <c>defaults.json</c>, e.g. <c>coverage.line</c>.</param>
/// <param name="Parameter">The parameter's command-line name, e.g. <c>coverage-threshold</c>, which the evidence records too.</param>
/// <param name="WeakerWhen">When a repository's value is weaker than the default.</param>
internal sealed record PolicyParameter(string Key, string Parameter, Weaker WeakerWhen);
