using Tollgate.IO;

namespace Tollgate.Gates.SecurityScan;

/// <summary>The JSON schema of <c>.nuke/security.json</c>, written beside it so editors check the policy.</summary>
internal static class SecuritySchema
{
    /// <summary>The schema's file name.</summary>
    public const string FileName = "security.schema.json";

    /// <summary>The embedded resource's name.</summary>
    public const string Resource = "Tollgate.Gates.SecurityScan.security.schema.json";

    /// <summary>Writes the schema into <paramref name="directory"/> when it differs.</summary>
    public static void WriteTo(string directory) => EmbeddedText.WriteTo(Resource, Path.Combine(directory, FileName));
}
