using System.Text.Json;

namespace Tollgate.Evidence;

/// <summary>
/// The one typed reader of each JSON file of a bundle (its writer is <see cref="EvidenceWriter"/>): the manifest and the gate
/// documents, read with the bundle's serializer options. Every place that reads one goes through here; a file that does not
/// read is an <see cref="InvalidDataException"/> naming it.
/// </summary>
internal static class BundleFiles
{
    /// <summary>The manifest of the bundle at <paramref name="bundle"/>.</summary>
    /// <exception cref="InvalidDataException">Missing, or not a manifest.</exception>
    public static Manifest ReadManifest(string bundle) => Read<Manifest>(Path.Combine(bundle, Manifest.FileName), "manifest");

    /// <summary>The gate document at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">Missing, or not a gate document.</exception>
    public static GateDocument ReadGate(string path) => Read<GateDocument>(path, "gate document");

    /// <summary>A gate document's text, as written into a bundle.</summary>
    public static GateDocument? ParseGate(string text) => JsonSerializer.Deserialize<GateDocument>(text, EvidenceJson.Options);

    private static T Read<T>(string path, string what)
        where T : class
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: missing; the bundle has no {what} there.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), EvidenceJson.Options)
                ?? throw new InvalidDataException($"{path}: null, not a {what}.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: not a {what} ({exception.Path ?? "the file"} cannot be read).", exception);
        }
    }
}
