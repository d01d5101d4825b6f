using System.Text;

namespace Tollgate.IO;

/// <summary>
/// A repository-relative file name as the file system holds it: its bytes (which on Linux need not be UTF-8, e.g.
/// <c>key\xfe.txt</c>) and a text to show, where each byte that is not part of valid UTF-8 is written <c>\xNN</c>.
/// </summary>
internal sealed record RawPath(byte[] Bytes, string Text)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A name that is already text.</summary>
    public static RawPath FromText(string text) => new(Encoding.UTF8.GetBytes(text), text);

    /// <summary>A name from its bytes; its text escapes the bytes that are not UTF-8.</summary>
    public static RawPath FromBytes(byte[] bytes) => new(bytes, Show(bytes));

    /// <summary>Whether the bytes are UTF-8, so <see cref="Text"/> names the same file to every API.</summary>
    public bool IsText
    {
        get
        {
            try
            {
                Strict.GetString(Bytes);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }

    private static string Show(byte[] bytes)
    {
        var text = new StringBuilder();
        var start = 0;
        while (start < bytes.Length)
        {
            var length = ValidPrefix(bytes.AsSpan(start));
            text.Append(Encoding.UTF8.GetString(bytes, start, length));
            start += length;
            if (start < bytes.Length)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{bytes[start]:x2}");
                start++;
            }
        }

        return text.ToString();
    }

    // The length of the longest prefix of whole, valid UTF-8 sequences.
    private static int ValidPrefix(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }

    /// <inheritdoc/>
    public bool Equals(RawPath? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Bytes);
        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
