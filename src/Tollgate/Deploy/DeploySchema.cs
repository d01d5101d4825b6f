using Tollgate.IO;

namespace Tollgate.Deploy;

/// <summary>The JSON schema of <c>.nuke/environments.json</c>, written beside it so editors check the environments.</summary>
internal static class DeploySchema
{
    /// <summary>The schema's file name.</summary>
    public const string FileName = "environments.schema.json";

    /// <summary>Writes the schema into <paramref name="directory"/> when it differs.</summary>
    public static void WriteTo(string directory) => EmbeddedText.WriteTo(Resource, Path.Combine(directory, FileName));

    /// <summary>The embedded schema's resource name.</summary>
    public const string Resource = "Tollgate.Deploy.environments.schema.json";
}
