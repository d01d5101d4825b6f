using System.Text;

namespace Tollgate.IO;

/// <summary>One piece of a line: its number (from 1), its text, and how many characters at its start repeat the end of the piece before.</summary>
internal readonly record struct TextSegment(int Line, string Text, int Repeated);

/// <summary>
/// The lines of a UTF-8 stream, read in a fixed amount of memory and time per piece whatever the file's size: a line longer than
/// <see cref="MaxChars"/> (a minified bundle, generated data) comes in pieces that overlap by <see cref="Overlap"/>
/// characters, so a token that straddles a cut is still whole in one piece.
/// </summary>
internal static class TextSegments
{
    /// <summary>The longest piece: short enough that a pattern's search of one piece stays well inside its time limit on a loaded machine.</summary>
    public const int MaxChars = 1 << 16;

    /// <summary>The characters a piece repeats from the one before.</summary>
    public const int Overlap = 4096;

    /// <summary>The pieces of the first <paramref name="length"/> bytes of <paramref name="stream"/>.</summary>
    public static IEnumerable<TextSegment> Read(Stream stream, long length, CancellationToken cancellation = default)
    {
        var decoder = new UTF8Encoding(false, false).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        var line = new StringBuilder();
        var number = 1;
        var repeated = 0;
        var left = length;
        while (left > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            var read = stream.Read(bytes, 0, (int)Math.Min(bytes.Length, left));
            if (read == 0)
            {
                break;
            }

            left -= read;
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: left == 0);
            for (var i = 0; i < count; i++)
            {
                if (chars[i] == '\n')
                {
                    yield return new TextSegment(number++, line.ToString(), repeated);
                    line.Clear();
                    repeated = 0;
                    continue;
                }

                line.Append(chars[i]);
                if (line.Length == MaxChars)
                {
                    var text = line.ToString();
                    yield return new TextSegment(number, text, repeated);
                    line.Clear().Append(text, MaxChars - Overlap, Overlap);
                    repeated = Overlap;
                }
            }
        }

        if (line.Length > repeated)
        {
            yield return new TextSegment(number, line.ToString(), repeated);
        }
    }
}
