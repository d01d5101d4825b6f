namespace Tollgate.Gates.SecurityScan;

/// <summary>Scans text files for <see cref="SecretRules"/>; binary and very large files are passed over.</summary>
internal static class SecretScanner
{
    /// <summary>Files larger than this are not scanned (generated data, not code).</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Scans <paramref name="files"/> (relative to <paramref name="root"/>), in order. Only regular files inside the
    /// repository are read: a link (to a FIFO, a device, a file elsewhere) is passed over, never followed; an
    /// empty file has nothing to read (a FIFO looks like one); a read stops after <see cref="MaxBytes"/>.
    /// </summary>
    public static IReadOnlyList<SecretHit> Scan(string root, IEnumerable<string> files, CancellationToken cancellation = default)
    {
        var hits = new List<SecretHit>();
        foreach (var file in files.Where(f => !IsToolState(f)))
        {
            cancellation.ThrowIfCancellationRequested();
            if (Read(Path.Combine(root, file)) is { } bytes && Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) < 0)
            {
                hits.AddRange(ScanText(System.Text.Encoding.UTF8.GetString(bytes), file));
            }
        }

        return hits;
    }

    // Tollgate's own tools and outputs are not the repository's content, even where .gitignore does not say so.
    private static bool IsToolState(string file) =>
        file.StartsWith(".nuke/temp/", StringComparison.Ordinal) || file.StartsWith("artifacts/", StringComparison.Ordinal);

    private static byte[]? Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint) || info.Length == 0 || info.Length > MaxBytes)
        {
            return null;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, FileOptions.SequentialScan);
        var buffer = new byte[info.Length];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
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

    /// <summary>Files to scan outside a git repository: all below <paramref name="root"/> but build output and tool state; links are not followed.</summary>
    public static IReadOnlyList<string> FilesBelow(string root)
    {
        var skipped = new[] { ".git", "bin", "obj", "artifacts", "node_modules" };
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(root, "*", walk)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').SkipLast(1).Any(skipped.Contains) && !f.StartsWith(".nuke/temp/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
    }
}
