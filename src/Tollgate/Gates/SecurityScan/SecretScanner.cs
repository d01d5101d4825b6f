namespace Tollgate.Gates.SecurityScan;

/// <summary>Scans text files for <see cref="SecretRules"/>; binary and very large files are passed over.</summary>
public static class SecretScanner
{
    /// <summary>Files larger than this are not scanned (generated data, not code).</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>Scans <paramref name="files"/> (relative to <paramref name="root"/>), in order.</summary>
    public static IReadOnlyList<SecretHit> Scan(string root, IEnumerable<string> files)
    {
        var hits = new List<SecretHit>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxBytes)
            {
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0)
            {
                continue;
            }

            hits.AddRange(ScanText(System.Text.Encoding.UTF8.GetString(bytes), file));
        }

        return hits;
    }

    /// <summary>The hits in <paramref name="text"/>, the content of <paramref name="file"/>.</summary>
    public static IEnumerable<SecretHit> ScanText(string text, string file)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (var rule in SecretRules.All)
            {
                foreach (System.Text.RegularExpressions.Match match in rule.Pattern.Matches(lines[i]))
                {
                    var value = match.Groups["secret"].Value;
                    if (!SecretRules.IsPlaceholder(value))
                    {
                        yield return new SecretHit(rule, file, i + 1, rule.Id == "private-key" ? value : SecretRules.Mask(value));
                    }
                }
            }
        }
    }

    /// <summary>Files to scan outside a git repository: all below <paramref name="root"/> but build output and tool state.</summary>
    public static IReadOnlyList<string> FilesBelow(string root)
    {
        var skipped = new[] { ".git", "bin", "obj", "artifacts", "node_modules" };
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').SkipLast(1).Any(skipped.Contains) && !f.StartsWith(".nuke/temp/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
    }
}
