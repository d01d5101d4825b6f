using System.Globalization;
using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// Reads <c>.nuke/security.json</c> (schema: <c>security.schema.json</c>): scanner waivers, suppressions
/// and the secret scan's allow-list, each with a reason. A mistake is an <see cref="InvalidDataException"/>
/// naming the file, the entry, the value and the fix.
/// </summary>
internal static class SecurityPolicyFile
{
    /// <summary>The file's name under <c>.nuke/</c>.</summary>
    public const string FileName = "security.json";

    /// <summary>The scanners a waiver may name.</summary>
    public static readonly IReadOnlyList<string> Scanners = [ScannerNames.Trivy, ScannerNames.NuGetAudit, ScannerNames.Secrets];

    /// <summary>The entries of <paramref name="path"/>, shown as <paramref name="shownAs"/>; an empty policy when the file does not exist.</summary>
    public static SecurityPolicyEntries Read(string path, string shownAs)
    {
        if (!File.Exists(path))
        {
            return SecurityPolicyEntries.None;
        }

        JsonSchemaCheck.Validate(path, shownAs, EmbeddedText.Read(SecuritySchema.Resource));

        using (var document = JsonFile.Parse(path, shownAs))
        {
            var root = document.RootElement;
            var waivers = Entries(root, "waivers", shownAs, (e, at) =>
            {
                var scanner = Text(e, "scanner", at)!;
                return Scanners.Contains(scanner)
                    ? (Scanner: scanner, Reason: Text(e, "reason", at)!)
                    : throw new InvalidDataException($"{at}: scanner '{scanner}' is not one of {string.Join(", ", Scanners)}.");
            });
            var suppressions = Entries(root, "suppressions", shownAs, (e, at) =>
                new Suppression(Text(e, "id", at)!, Text(e, "package", at, optional: true), Text(e, "reason", at, optional: true), Date(e, at), at));
            var allowed = Entries(root, "allowedSecrets", shownAs, (e, at) =>
                new AllowedSecret(Text(e, "path", at)!, Text(e, "rule", at, optional: true), Text(e, "reason", at)!, at));
            return new SecurityPolicyEntries(waivers.ToDictionary(w => w.Scanner, w => w.Reason), suppressions, allowed);
        }
    }

    private static List<T> Entries<T>(JsonElement root, string name, string shownAs, Func<JsonElement, string, T> read)
    {
        if (!root.TryGetProperty(name, out var array))
        {
            return [];
        }

        return array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select((e, i) => read(e, $"{shownAs} {name}[{i}]")).ToList()
            : throw new InvalidDataException($"{shownAs}: \"{name}\" must be an array.");
    }

    private static string? Text(JsonElement element, string name, string at, bool optional = false) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
            ? value.GetString()!.Trim()
            : optional ? null : throw new InvalidDataException($"{at}: \"{name}\" is missing or empty; add it.");

    private static DateOnly? Date(JsonElement element, string at)
    {
        var text = Text(element, "expires", at, optional: true);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{at}: expires '{text}' is not a date; write YYYY-MM-DD.");
    }
}
