using System.Xml.Linq;

namespace Tollgate.Tools.Cobertura;

/// <summary>
/// A shard's Cobertura file with its source paths moved to this checkout: agents check out to different folders (a
/// self-hosted runner's workspace, another drive), and ReportGenerator would count one file under two paths as two.
/// An absolute path becomes this root plus the longest tail of it that names a file or folder here; one that names none stays.
/// </summary>
internal static class CoberturaRebase
{
    /// <summary>Writes <paramref name="source"/> to <paramref name="target"/> with its paths below <paramref name="root"/>.</summary>
    public static void Copy(string source, string target, string root)
    {
        var document = XDocument.Load(source);
        foreach (var @class in document.Descendants("class"))
        {
            if ((string?)@class.Attribute("filename") is { } file && Rebased(file, root) is { } here)
            {
                @class.SetAttributeValue("filename", here);
            }
        }

        foreach (var sourceElement in document.Descendants("source"))
        {
            if (Rebased(sourceElement.Value.Trim(), root) is { } here)
            {
                sourceElement.Value = here;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        document.Save(target);
    }

    /// <summary>Root plus the longest tail of an absolute <paramref name="path"/> that exists below <paramref name="root"/> (a file or a folder); null when none does.</summary>
    public static string? Rebased(string path, string root)
    {
        if (!Path.IsPathRooted(path))
        {
            return null;
        }

        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var start = 0; start < parts.Length; start++)
        {
            var candidate = Path.Combine(root, string.Join('/', parts[start..]));
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return path.EndsWith('/') || path.EndsWith('\\') ? candidate.TrimEnd('/') + "/" : candidate;
            }
        }

        return null;
    }
}
