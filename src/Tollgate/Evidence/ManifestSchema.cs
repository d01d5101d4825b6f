namespace Tollgate.Evidence;

/// <summary>The JSON schema of <c>manifest.json</c>, shipped in the assembly and in the package under <c>schemas/</c>.</summary>
internal static class ManifestSchema
{
    /// <summary>The schema text.</summary>
    public static string Text { get; } = BundleSchemas.Text("manifest");
}
