namespace Tollgate.Evidence;

/// <summary>The JSON schema of <c>manifest.json</c>, shipped in the assembly and in the package under <c>schemas/</c>.</summary>
public static class ManifestSchema
{
    /// <summary>The schema text.</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(ManifestSchema).Assembly.GetManifestResourceStream("Tollgate.Evidence.manifest.schema.json")
            ?? throw new InvalidOperationException("The manifest schema is not embedded in the Tollgate assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
