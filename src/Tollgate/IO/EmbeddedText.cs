namespace Tollgate.IO;

/// <summary>Text files embedded in the Tollgate assembly (schemas, MSBuild targets, policy defaults).</summary>
internal static class EmbeddedText
{
    /// <summary>The text of the embedded resource <paramref name="name"/>.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the Tollgate assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the resource to <paramref name="path"/> when the file there differs; returns the path.</summary>
    public static string WriteTo(string name, string path)
    {
        AtomicFile.WriteIfChanged(path, Read(name));
        return path;
    }
}
