using Tollgate.Engine;
namespace Tollgate;

/// <summary>The build's console output: levels filtered by verbosity, every line passed through the secret masker.</summary>
public sealed class BuildLog
{
    private readonly TextWriter output;
    private readonly TextWriter error;

    private readonly object gate = new();
    private readonly AsyncLocal<LogSection?> current = new();

    internal BuildLog(TextWriter output, TextWriter error, Verbosity verbosity, SecretMasker masker)
    {
        this.output = output;
        this.error = error;
        Verbosity = verbosity;
        Masker = masker;
    }

    /// <summary>The verbosity in force.</summary>
    public Verbosity Verbosity { get; }

    /// <summary>The masker applied to every line.</summary>
    internal SecretMasker Masker { get; }

    /// <summary>A log that writes to the console.</summary>
    internal static BuildLog Console(Verbosity verbosity, SecretMasker masker) =>
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

    /// <summary>
    /// Makes every line written from here on (in this flow of control) part of <paramref name="section"/>:
    /// shown at once while the section is live, held back while it is not.
    /// </summary>
    internal void Enter(LogSection section) => current.Value = section;

    /// <summary>Lets <paramref name="section"/> write to the console: first what it held back, then as it comes.</summary>
    internal void MakeLive(LogSection section)
    {
        lock (gate)
        {
            foreach (var (writer, line) in section.TakeHeld())
            {
                writer.WriteLine(line);
            }

            section.Live = true;
            output.Flush();
            error.Flush();
        }
    }

    private void Write(TextWriter writer, string message)
    {
        var masked = Masker.Apply(message);
        lock (gate)
        {
            if (current.Value is { Live: false } held)
            {
                held.Hold(writer, masked);
                return;
            }

            writer.WriteLine(masked);
            writer.Flush();
        }
    }
}
