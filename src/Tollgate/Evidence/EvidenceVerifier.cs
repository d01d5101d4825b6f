using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Evidence;

/// <summary>
/// Re-checks a bundle: the manifest held to its schema; with trusted keys, its signature; a start no later than now
/// (with some clock skew); then every file the manifest lists is present with its digest, no file was added, and each
/// gate's verdict in the manifest agrees with its document and with the run's outcome.
/// </summary>
internal static class EvidenceVerifier
{
    /// <summary>How far ahead of this machine's clock a bundle's start may be (another machine's clock).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const long MaxManifestBytes = 64L * 1024 * 1024;

    /// <summary>The problems found, one line each, naming the file; none when the bundle verifies.</summary>
    /// <param name="directory">The bundle.</param>
    /// <param name="trusted">Public keys one of which must have signed the manifest; null: the signature is not required (a signed
    /// manifest must still be the envelope's payload).</param>
    public static IReadOnlyList<string> Verify(string directory, IReadOnlyList<EvidenceKey>? trusted = null)
    {
        var manifestPath = Path.Combine(directory, Manifest.FileName);
        if (!Directory.Exists(directory))
        {
            return [$"{directory}: no evidence bundle there; run a build first, or point at the bundle's directory."];
        }

        if (!File.Exists(manifestPath))
        {
            return [$"{manifestPath}: missing; without it nothing in the bundle can be trusted."];
        }

        if (BundleEntry.Unsafe(directory, Manifest.FileName) is { } linkedManifest)
        {
            return [$"unsafe: {linkedManifest}"];
        }

        // A FIFO or a device says size 0 and would never end; a manifest of gigabytes is no manifest.
        var manifestBytes = new FileInfo(manifestPath).Length;
        if (manifestBytes is 0 or > MaxManifestBytes)
        {
            return [$"invalid: {manifestPath}: {manifestBytes} bytes, not a manifest Tollgate writes (a regular file of up to {MaxManifestBytes / 1024 / 1024} MiB)."];
        }

        // Another schema version is named as such; then this version's schema: every wrong type, null, unknown key or value
        // out of range (a negative duration) at once, by line.
        IReadOnlyList<string> invalid;
        try
        {
            if (SchemaVersion(manifestPath) is { } version && version != Manifest.CurrentSchemaVersion)
            {
                return [$"{manifestPath}: schema version {version}, this Tollgate reads {Manifest.CurrentSchemaVersion}."];
            }

            invalid = JsonSchemaCheck.Problems(manifestPath, manifestPath, ManifestSchema.Text);
        }
        catch (InvalidDataException exception)
        {
            return [$"not a valid manifest: {exception.Message}"];
        }

        if (invalid.Count > 0)
        {
            return invalid.Select(problem => $"invalid: {problem}").ToList();
        }

        // The schema held: its version, the files and the gates are there, so what reads is a whole manifest of this version.
        Manifest manifest;
        try
        {
            manifest = BundleFiles.ReadManifest(directory);
        }
        catch (InvalidDataException exception)
        {
            return [$"invalid: {exception.Message}"];
        }

        var problems = Signature(directory, manifestPath, manifest, trusted).ToList();
        if (manifest.StartedAt > DateTimeOffset.UtcNow + ClockSkew)
        {
            problems.Add($"clock: {Manifest.FileName} says its run started at {manifest.StartedAt:yyyy-MM-ddTHH:mm:ssK}, {(manifest.StartedAt - DateTimeOffset.UtcNow).TotalMinutes:0} minutes from now; no run can prove what has not happened (a clock {ClockSkew.TotalMinutes:0} minutes ahead is allowed)");
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        var unsafeFiles = new HashSet<string>(StringComparer.Ordinal); // never read again below
        foreach (var file in manifest.Files)
        {
            if (file is null || !IsInside(file.Path))
            {
                problems.Add($"unsafe: {Manifest.FileName} lists the path '{file?.Path}', which is not a file inside the bundle");
                continue;
            }

            listed.Add(file.Path);
            var path = Path.Combine(directory, file.Path);
            if (BundleEntry.Unsafe(directory, file.Path) is { } linkedFile)
            {
                unsafeFiles.Add(file.Path);
                problems.Add($"unsafe: {linkedFile}");
            }
            else if (!File.Exists(path))
            {
                problems.Add($"missing: {file.Path}");
            }
            else if (BundleEntry.Sha256(path, file.Bytes) is not { } digest)
            {
                unsafeFiles.Add(file.Path);
                problems.Add($"altered: {file.Path} (its size differs from the manifest's {file.Bytes} bytes)");
            }
            else if (digest != file.Sha256)
            {
                problems.Add($"altered: {file.Path} (its SHA-256 differs from the manifest's)");
            }
            else if (file.Bytes > 0)
            {
                // Intact as the manifest records it: now held to the bundle's contract (a gate document, artifacts.json, …).
                problems.AddRange(BundleSchemas.Problems(path, file.Path).Select(problem => $"invalid: {problem}"));
            }
        }

        var envelope = manifest.Signing?.IsSigned == true ? ManifestSigning.EnvelopeFile : null;
        foreach (var path in BundleEntry.Below(directory).Where(f => f != Manifest.FileName && f != envelope && !listed.Contains(f)))
        {
            problems.Add(BundleEntry.Unsafe(directory, path) is { } linked ? $"unsafe: {linked}" : $"added: {path} (not in the manifest)");
        }

        problems.AddRange(Verdicts(directory, manifest, unsafeFiles));
        return problems;
    }

    private static int? SchemaVersion(string manifestPath)
    {
        using var document = JsonFile.Parse(manifestPath, manifestPath);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("schemaVersion", out var version)
            && version.ValueKind == JsonValueKind.Number && version.TryGetInt32(out var number) ? number : null;
    }

    // The manifest's signature: a signed manifest must be exactly its envelope's payload; with trusted keys, the
    // bundle must be signed, and by one of them.
    private static IEnumerable<string> Signature(string directory, string manifestPath, Manifest manifest, IReadOnlyList<EvidenceKey>? trusted)
    {
        var signed = manifest.Signing?.IsSigned == true;
        var ids = trusted is null ? "" : string.Join(", ", trusted.Select(k => k.Id));
        if (!signed)
        {
            if (trusted is not null)
            {
                yield return $"unsigned: {Manifest.FileName} is not signed, and a signature by one of the trusted keys ({ids}) is required; build with --evidence-signing-key";
            }

            yield break;
        }

        var envelopePath = Path.Combine(directory, ManifestSigning.EnvelopeFile);
        if (BundleEntry.Unsafe(directory, ManifestSigning.EnvelopeFile) is { } linked)
        {
            yield return $"unsafe: {linked}";
            yield break;
        }

        if (!File.Exists(envelopePath))
        {
            yield return $"missing: {ManifestSigning.EnvelopeFile} ({Manifest.FileName} says it is signed by key {manifest.Signing!.KeyId})";
            yield break;
        }

        DsseEnvelope? envelope = null;
        string? unreadable = null;
        try
        {
            envelope = JsonSerializer.Deserialize<DsseEnvelope>(File.ReadAllText(envelopePath), EvidenceJson.Options);
        }
        catch (JsonException exception)
        {
            unreadable = exception.Message.Split('.')[0];
        }

        if (envelope?.Payload is null || envelope.PayloadType is null || envelope.Signatures is null)
        {
            yield return $"unreadable: {ManifestSigning.EnvelopeFile} is not a DSSE envelope{(unreadable is null ? "" : $" ({unreadable})")}";
            yield break;
        }

        if (envelope.PayloadType != DsseEnvelope.ManifestType)
        {
            yield return $"unsafe: {ManifestSigning.EnvelopeFile} signs a payload of type '{envelope.PayloadType}', not a manifest ({DsseEnvelope.ManifestType})";
            yield break;
        }

        byte[] payload;
        try
        {
            payload = envelope.Body();
        }
        catch (FormatException)
        {
            payload = [];
        }

        if (!payload.AsSpan().SequenceEqual(File.ReadAllBytes(manifestPath)))
        {
            yield return $"altered: {Manifest.FileName} (it differs from the manifest its signature in {ManifestSigning.EnvelopeFile} covers)";
        }

        if (trusted is not null && envelope.Check(trusted) is { } untrusted)
        {
            yield return $"untrusted: {ManifestSigning.EnvelopeFile}: {untrusted}";
        }
    }

    // A bundle path is relative, with forward slashes, and never climbs out: "gates/test.json", not "../x" or "/etc/passwd".
    private static bool IsInside(string? path) =>
        !string.IsNullOrWhiteSpace(path) && !path.Contains('\\', StringComparison.Ordinal) && !path.StartsWith('/') && !Path.IsPathRooted(path)
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != "..");

    // What the manifest's entry of a gate repeats from its document, where the two differ.
    private static IEnumerable<string> Repeated(GateEntry gate, GateDocument document)
    {
        if (gate.Name != document.Gate)
        {
            yield return $"name is {gate.Name}";
        }

        if (gate.Headline != document.Headline)
        {
            yield return $"headline is '{gate.Headline}'";
        }

        foreach (var (what, entry, own) in new[] { ("metric", gate.Metrics, document.Metrics), ("threshold", gate.Thresholds, document.Thresholds) })
        {
            foreach (var key in (entry ?? new Dictionary<string, double>()).Keys.Union((own ?? new Dictionary<string, double>()).Keys).Order(StringComparer.Ordinal))
            {
                var (a, b) = (entry?.GetValueOrDefault(key, double.NaN) ?? double.NaN, own?.GetValueOrDefault(key, double.NaN) ?? double.NaN);
                if (!a.Equals(b))
                {
                    yield return $"{what} {key} is {(double.IsNaN(a) ? "absent" : a.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
                }
            }
        }

        foreach (var key in (gate.Tools ?? new Dictionary<string, string>()).Keys.Union((document.Tools ?? new Dictionary<string, string>()).Keys).Order(StringComparer.Ordinal))
        {
            if (gate.Tools?.GetValueOrDefault(key) != document.Tools?.GetValueOrDefault(key))
            {
                yield return $"tool {key} is {gate.Tools?.GetValueOrDefault(key) ?? "absent"}";
            }
        }

        if (!gate.DurationSeconds.Equals(document.DurationSeconds))
        {
            yield return $"duration is {gate.DurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s";
        }
    }

    private static IEnumerable<string> Verdicts(string directory, Manifest manifest, IReadOnlySet<string> unsafeFiles)
    {
        foreach (var gate in manifest.Gates)
        {
            if (gate is null || !IsInside(gate.File))
            {
                yield return $"unsafe: {Manifest.FileName} names the gate document '{gate?.File}', which is not a file inside the bundle";
                continue;
            }

            var path = Path.Combine(directory, gate.File);
            if (!File.Exists(path) || unsafeFiles.Contains(gate.File) || BundleEntry.Unsafe(directory, gate.File) is not null)
            {
                continue; // reported as missing, unsafe or altered above
            }

            GateDocument? document;
            try
            {
                // Read no further than the size the manifest records (an entry of another size was reported as altered).
                var listed = manifest.Files.FirstOrDefault(f => f?.Path == gate.File);
                document = listed is null || BundleEntry.ReadText(path, listed.Bytes) is not { } text ? null : BundleFiles.ParseGate(text);
            }
            catch (JsonException)
            {
                document = null;
            }

            if (document is null)
            {
                yield return $"unreadable: {gate.File} (not a gate document)";
            }
            else if (document.Status.ToString().ToLowerInvariant() != gate.Status)
            {
                yield return $"verdict: {gate.File} says {document.Status.ToString().ToLowerInvariant()}, the manifest says {gate.Status}";
            }
            else
            {
                // Every figure the manifest repeats must be the document's: a manifest edited alone does not verify.
                foreach (var differs in Repeated(gate, document))
                {
                    yield return $"figure: {Manifest.FileName} says {gate.Name}'s {differs}, {gate.File} does not";
                }
            }
        }

        if (manifest.Outcome == "succeeded" && manifest.Gates.FirstOrDefault(g => g is not null && g.Status is not ("passed" or "skipped")) is { } failed)
        {
            yield return $"verdict: {Manifest.FileName} says the run succeeded, but gate {failed.Name} {failed.Status}";
        }
    }
}
