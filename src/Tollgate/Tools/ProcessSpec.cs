namespace Tollgate;

/// <summary>One external program to run: never a shell string, always an argument list.</summary>
/// <param name="FileName">The program, found on PATH when not a path.</param>
/// <param name="Arguments">Its arguments, each passed as one word.</param>
/// <param name="WorkingDirectory">Where it runs.</param>
/// <param name="Timeout">When it is killed (with its children); null: never.</param>
/// <param name="Environment">Variables to set (a null value removes one).</param>
/// <param name="InstallHint">What to tell the user when the program is not installed.</param>
/// <param name="OnOutput">Told each line of its output (secrets masked) as it comes, e.g. to follow progress.</param>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    TimeSpan? Timeout = null,
    IReadOnlyDictionary<string, string?>? Environment = null,
    string? InstallHint = null,
    Action<string>? OnOutput = null)
{
    /// <summary>A run that only prepares the gate's real work (installing a pinned tool): it depends on what a machine
    /// has cached, so a gate's evidence, which must be the same on every machine, does not list it.</summary>
    internal bool Incidental { get; init; }

    /// <summary>The command as a person would type it, for logs (secrets are masked by the log).</summary>
    public string CommandLine => string.Join(" ", new[] { FileName }.Concat(Arguments).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsLetterOrDigit(c) || "-_./=:,@+%".Contains(c, StringComparison.Ordinal)) ? word : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
