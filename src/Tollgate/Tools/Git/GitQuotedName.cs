using Tollgate.IO;

namespace Tollgate.Tools.Git;

/// <summary>
/// A file name as git prints it without <c>-z</c>: plain, or (with <c>core.quotePath</c>, git's default) in double
/// quotes with C escapes when it holds a control character, a quote, a backslash or a byte above 0x7f
/// (<c>"key\376.txt"</c>). Reading the quoted form keeps every byte of every name, UTF-8 or not, through a
/// line-based, text-decoding process reader.
/// </summary>
internal static class GitQuotedName
{
    /// <summary>The name's bytes.</summary>
    /// <exception cref="FormatException">A quoted name with an escape git does not write.</exception>
    public static RawPath Parse(string line)
    {
        if (line.Length < 2 || line[0] != '"' || line[^1] != '"')
        {
            return RawPath.FromText(line);
        }

        var bytes = new List<byte>(line.Length);
        for (var i = 1; i < line.Length - 1; i++)
        {
            if (line[i] != '\\')
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(line[i].ToString()));
                continue;
            }

            var escape = line[++i];
            if (escape is >= '0' and <= '3' && i + 2 < line.Length - 1)
            {
                bytes.Add(Convert.ToByte(line.Substring(i, 3), 8));
                i += 2;
                continue;
            }

            bytes.Add(escape switch
            {
                'a' => 7,
                'b' => 8,
                't' => 9,
                'n' => 10,
                'v' => 11,
                'f' => 12,
                'r' => 13,
                '"' => 34,
                '\\' => 92,
                _ => throw new FormatException($"git printed the name {line} with an escape \\{escape} it does not write"),
            });
        }

        return RawPath.FromBytes([.. bytes]);
    }
}
