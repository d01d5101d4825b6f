using Tollgate.IO;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// Scans text files for <see cref="SecretRules"/>. Every file is opened by the bytes of its name (so a name that is not
/// UTF-8 is read like any other), never through a link, never waiting on a FIFO, and read no further than its size at
/// opening; a text file is read whole, in pieces, whatever its size. Binary files, links, submodules and files deleted
/// since they were listed are passed over and listed with the reason; a file that cannot be read is listed as such.
/// </summary>
internal static class SecretScanner
{
    /// <summary>How far a file is searched for a NUL byte, the mark of a binary file (git's own test).</summary>
    public const int BinaryProbeBytes = 8000;

    /// <summary>Scans <paramref name="files"/> (relative to <paramref name="root"/>), in order, for <paramref name="rules"/> (default: <see cref="SecretRules.All"/>).</summary>
    public static SecretScan Scan(string root, IEnumerable<RawPath> files, CancellationToken cancellation = default, IReadOnlyList<SecretRule>? rules = null)
    {
        rules ??= SecretRules.All;
        var hits = new List<SecretHit>();
        var skipped = new List<SkippedFile>();
        var unreadable = new List<SkippedFile>();
        var scanned = 0;
        foreach (var file in files.Where(f => !IsToolState(f.Text)))
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                var (kind, stream, length) = RawFile.Open(root, file);
                using (stream)
                {
                    if (kind == RawFileKind.Missing && file.Text.Contains('\uFFFD', StringComparison.Ordinal))
                    {
                        unreadable.Add(new SkippedFile(file.Text, $"{file.Text}: a name that is not UTF-8, listed without git, cannot be opened; scan the repository with git installed"));
                        continue;
                    }

                    if (PassedOver(kind, stream, length) is { } reason)
                    {
                        skipped.Add(new SkippedFile(file.Text, reason));
                        continue;
                    }

                    hits.AddRange(ScanStream(stream!, length, file.Text, rules, cancellation));
                    scanned++;
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(new SkippedFile(file.Text, error.Message));
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException error)
            {
                unreadable.Add(new SkippedFile(file.Text, $"a rule's search ran past its {error.MatchTimeout.TotalSeconds:0} s limit; the file was not scanned to its end"));
            }
        }

        return new SecretScan(scanned, hits, skipped, unreadable);
    }

    /// <summary>Scans <paramref name="files"/>, named as text.</summary>
    public static SecretScan Scan(string root, IEnumerable<string> files, CancellationToken cancellation = default) =>
        Scan(root, files.Select(RawPath.FromText), cancellation);

    // Tollgate's own tools and outputs are not the repository's content, even where .gitignore does not say so.
    internal static bool IsToolState(string file) =>
        file.StartsWith(".nuke/temp/", StringComparison.Ordinal) || file.StartsWith("artifacts/", StringComparison.Ordinal);

    private static string? PassedOver(RawFileKind kind, FileStream? stream, long length) => kind switch
    {
        RawFileKind.Missing => "gone since it was listed (deleted in the working tree)",
        RawFileKind.Link => "a symbolic link, not followed",
        RawFileKind.Directory => "a directory (a git submodule), scanned in its own repository",
        RawFileKind.Special => "not a regular file (a FIFO, a socket or a device)",
        _ => IsBinary(stream!, length) ? $"binary (a NUL byte in its first {BinaryProbeBytes} bytes)" : null,
    };

    private static bool IsBinary(FileStream stream, long length)
    {
        var probe = new byte[(int)Math.Min(BinaryProbeBytes, length)];
        var read = stream.ReadAtLeast(probe, probe.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return Array.IndexOf(probe, (byte)0, 0, read) >= 0;
    }

    private static IEnumerable<SecretHit> ScanStream(Stream stream, long length, string file, IReadOnlyList<SecretRule> rules, CancellationToken cancellation) =>
        TextSegments.Read(stream, length, cancellation).SelectMany(segment => ScanLine(segment.Text, segment.Line, file, segment.Repeated, rules)).ToList();

    /// <summary>The hits in <paramref name="text"/>, the content of <paramref name="file"/>.</summary>
    public static IEnumerable<SecretHit> ScanText(string text, string file) =>
        text.Split('\n').SelectMany((line, index) => ScanLine(line, index + 1, file, repeated: 0, SecretRules.All));

    // A match that lies wholly in the characters a piece repeats was found in the piece before.
    private static IEnumerable<SecretHit> ScanLine(string line, int number, string file, int repeated, IReadOnlyList<SecretRule> rules)
    {
        foreach (var rule in rules)
        {
            foreach (System.Text.RegularExpressions.Match match in rule.Pattern.Matches(line))
            {
                var value = match.Groups["secret"].Value;
                if (match.Index + match.Length > repeated && !SecretRules.IsPlaceholder(value))
                {
                    yield return new SecretHit(rule, file, number, rule.Id == "private-key" ? value : SecretRules.Mask(value));
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
