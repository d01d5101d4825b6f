namespace Tollgate;

/// <summary>
/// How a gate runs one tool, beyond what the gate itself passes: arguments added at the end of every run of
/// the tool, environment variables, a time-out. The gate's evidence records every command as it ran.
/// </summary>
public abstract record ToolSettings
{
    /// <summary>Words added after the gate's own arguments.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables set for the tool (a null value removes one).</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentVariables { get; init; } = new Dictionary<string, string?>();

    /// <summary>When the tool is stopped; null keeps the gate's own limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The tool these settings are for, as the evidence and messages name it.</summary>
    public abstract string Tool { get; }

    /// <summary>Adds arguments at the end of the tool's command line.</summary>
    /// <summary>True for a run of this tool (e.g. <c>dotnet test</c>, not the <c>dotnet restore</c> the same gate runs).</summary>
    internal abstract bool AppliesTo(ProcessSpec spec);

    /// <summary>The words the typed settings of a subclass stand for (e.g. <c>--filter X</c>).</summary>
    internal virtual IEnumerable<string> TypedArguments => [];

    internal ProcessSpec ApplyTo(ProcessSpec spec)
    {
        if (!AppliesTo(spec))
        {
            return spec;
        }

        var environment = new Dictionary<string, string?>(spec.Environment ?? new Dictionary<string, string?>());
        foreach (var (name, value) in EnvironmentVariables)
        {
            environment[name] = value;
        }

        return spec with
        {
            Arguments = [.. spec.Arguments, .. TypedArguments, .. Arguments],
            Environment = environment,
            Timeout = Timeout ?? spec.Timeout,
        };
    }

    internal static bool IsDotnet(ProcessSpec spec, params string[] verb) =>
        Path.GetFileNameWithoutExtension(spec.FileName) == "dotnet" && spec.Arguments.Take(verb.Length).SequenceEqual(verb);

    internal static bool IsProgram(ProcessSpec spec, string program) =>
        spec.Tool is { } tool ? tool == program : string.Equals(Path.GetFileNameWithoutExtension(spec.FileName), program, StringComparison.OrdinalIgnoreCase);
}
