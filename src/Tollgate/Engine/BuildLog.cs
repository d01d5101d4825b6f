namespace Tollgate.Engine;

/// <summary>The build's console output: levels filtered by verbosity, every line passed through the secret masker.</summary>
public sealed class BuildLog(TextWriter output, TextWriter error, Verbosity verbosity, SecretMasker masker)
{
    private readonly object gate = new();

    /// <summary>The verbosity in force.</summary>
    public Verbosity Verbosity { get; } = verbosity;

    /// <summary>The masker applied to every line.</summary>
    public SecretMasker Masker { get; } = masker;

    /// <summary>A log that writes to the console.</summary>
    public static BuildLog Console(Verbosity verbosity, SecretMasker masker) =>
        new(System.Console.Out, System.Console.Error, verbosity, masker);

    /// <summary>A line shown even at quiet verbosity (summary, results).</summary>
    public void Always(string message) => Write(output, message);

    /// <summary>Progress of a step.</summary>
    public void Info(string message)
    {
        if (Verbosity >= Verbosity.Normal)
        {
            Write(output, message);
        }
    }

    /// <summary>Detail: tool output, resolved values.</summary>
    public void Debug(string message)
    {
        if (Verbosity >= Verbosity.Verbose)
        {
            Write(output, message);
        }
    }

    /// <summary>Something the user should look at.</summary>
    public void Warn(string message)
    {
        if (Verbosity >= Verbosity.Minimal)
        {
            Write(output, "warning: " + message);
        }
    }

    /// <summary>An error, on the error stream.</summary>
    public void Error(string message) => Write(error, "error: " + message);

    private void Write(TextWriter writer, string message)
    {
        var masked = Masker.Apply(message);
        lock (gate)
        {
            writer.WriteLine(masked);
            writer.Flush();
        }
    }
}
