namespace Tollgate.Engine;

/// <summary>
/// The console lines of one target while targets run side by side: written at once when the section is
/// live (one section at a time), held back otherwise and shown as one block later, so output stays readable.
/// </summary>
internal sealed class LogSection(string name)
{
    private readonly List<(TextWriter Writer, string Line)> held = [];

    public string Name { get; } = name;

    /// <summary>True while its lines go straight to the console. Changed under the log's lock only.</summary>
    public bool Live { get; set; }

    public void Hold(TextWriter writer, string line) => held.Add((writer, line));

    public IReadOnlyList<(TextWriter Writer, string Line)> TakeHeld()
    {
        var lines = held.ToList();
        held.Clear();
        return lines;
    }
}
