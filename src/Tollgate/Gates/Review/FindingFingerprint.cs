using System.Security.Cryptography;
using System.Text;
using Tollgate.Evidence;

namespace Tollgate.Gates.Review;

/// <summary>
/// Fingerprints of findings: the rule and the content of the line it is on (whitespace collapsed), hashed. The file
/// and the line number are left out, so a finding on code that moved — within a file, or with a renamed file — keeps
/// its fingerprint, and one on a changed line gets a new one.
/// </summary>
internal static class FindingFingerprint
{
    /// <summary>The fingerprint of <paramref name="rule"/> on a line reading <paramref name="content"/>.</summary>
    public static string Of(string? rule, string content)
    {
        var normalized = string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{rule}\n{normalized}"));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The result with a fingerprint on every finding that names a file below <paramref name="root"/> and a line in it.</summary>
    public static GateResult AddTo(GateResult result, string root)
    {
        if (!result.Findings.Any(f => f.File is not null && f.Line is not null && f.Fingerprint is null))
        {
            return result;
        }

        var files = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        return result with
        {
            Findings = result.Findings.Select(f =>
            {
                if (f.File is null || f.Line is not { } line || f.Fingerprint is not null)
                {
                    return f;
                }

                if (!files.TryGetValue(f.File, out var lines))
                {
                    var path = Path.Combine(root, f.File);
                    files[f.File] = lines = File.Exists(path) ? File.ReadAllLines(path) : null;
                }

                return lines is not null && line >= 1 && line <= lines.Length ? f with { Fingerprint = Of(f.Rule ?? f.Kind, lines[line - 1]) } : f;
            }).ToList(),
        };
    }
}
