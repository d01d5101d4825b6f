using Tollgate.IO;

namespace Tollgate.Gates.ArchitectureTests;

/// <summary>The JSON schema of <c>.nuke/architecture.json</c>, written beside it so editors check the rules.</summary>
internal static class ArchitectureSchema
{
    /// <summary>The schema's file name.</summary>
    public const string FileName = "architecture.schema.json";

    /// <summary>Writes the schema into <paramref name="directory"/> when it differs.</summary>
    public static void WriteTo(string directory) => EmbeddedText.WriteTo(Resource, Path.Combine(directory, FileName));

    /// <summary>The embedded schema's resource name.</summary>
    public const string Resource = "Tollgate.Gates.ArchitectureTests.architecture.schema.json";
}
