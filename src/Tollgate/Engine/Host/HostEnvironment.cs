using System.Collections;

namespace Tollgate.Engine;

/// <summary>Where a build runs: working directory, environment, output streams. Tests make their own.</summary>
/// <param name="WorkingDirectory">Where root discovery starts.</param>
/// <param name="Variables">The environment variables.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="HandleSignals">True to abort on SIGINT/SIGTERM (the real console).</param>
/// <param name="Terminal">A person's keyboard, when there is one (input not redirected); null otherwise.</param>
internal sealed record HostEnvironment(
    string WorkingDirectory, IReadOnlyDictionary<string, string> Variables, TextWriter Out, TextWriter Error, bool HandleSignals, TextReader? Terminal = null)
{
    /// <summary>This process's directory, environment and console.</summary>
    public static HostEnvironment Process() => new(
        Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? ""),
        Console.Out,
        Console.Error,
        HandleSignals: true,
        Console.IsInputRedirected ? null : Console.In);
}
