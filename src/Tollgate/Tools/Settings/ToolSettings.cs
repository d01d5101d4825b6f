namespace Tollgate;

/// <summary>
/// One run of a tool, typed: the step that runs the tool fills in what it needs (the project, the output folder, …), the
/// build's hook (<see cref="Configure{T}"/>) changes the record, and only then is the command line rendered from it, in one
/// place per tool. Beyond the typed fields every run takes arguments added at the end, environment variables and a
/// time-out. The gate's evidence records every command as it ran.
/// </summary>
public abstract record ToolSettings
{
    /// <summary>Words added after the ones the typed fields stand for.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables set for the tool (a null value removes one).</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentVariables { get; init; } = new Dictionary<string, string?>();

    /// <summary>When the tool is stopped; null keeps the gate's own limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The tool these settings are for, as the evidence and messages name it.</summary>
    public abstract string Tool { get; }

    /// <summary>The words the typed fields stand for, without <see cref="Arguments"/>: the tool's one renderer.</summary>
    internal abstract IReadOnlyList<string> RenderArguments();

    /// <summary>
    /// The run as a process: <paramref name="program"/> with the rendered words and then <see cref="Arguments"/>, the step's
    /// environment with <see cref="EnvironmentVariables"/> over it, <see cref="Timeout"/> or the step's own limit.
    /// </summary>
    internal ProcessSpec ToProcess(
        string program, string workingDirectory, TimeSpan? timeout = null, IReadOnlyDictionary<string, string?>? environment = null, string? installHint = null,
        Action<string>? onOutput = null)
    {
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>());
        foreach (var (name, value) in EnvironmentVariables)
        {
            variables[name] = value;
        }

        return new ProcessSpec(program, [.. RenderArguments(), .. Arguments], workingDirectory, Timeout ?? timeout, variables, installHint, onOutput);
    }
}
