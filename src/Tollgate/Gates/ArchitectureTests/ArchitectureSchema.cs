using Tollgate.IO;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>The JSON schema of <c>.nuke/architecture.json</c>, written beside it so editors check the rules.</summary>
public static class ArchitectureSchema
{
    /// <summary>The schema's file name.</summary>
    public const string FileName = "architecture.schema.json";

    /// <summary>Writes the schema into <paramref name="directory"/> when it differs.</summary>
    public static void WriteTo(string directory)
    {
        using var stream = typeof(ArchitectureSchema).Assembly.GetManifestResourceStream("Tollgate.Gates.ArchitectureTests.architecture.schema.json")
            ?? throw new InvalidOperationException("architecture.schema.json is not embedded in the Tollgate assembly.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            AtomicFile.Write(path, text);
        }
    }
}
