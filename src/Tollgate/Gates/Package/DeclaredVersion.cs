using System.Xml.Linq;
using Tollgate.IO;

namespace Tollgate.Gates.Package;

/// <summary>
/// The version a repository declares itself (<c>&lt;Version&gt;</c> or <c>&lt;VersionPrefix&gt;</c> in a
/// <c>Directory.Build.props</c> or in a packable, non-test project file): a floor Tollgate never publishes below.
/// Values built from properties (<c>$(…)</c>) are passed over; the highest declared version wins.
/// </summary>
/// <param name="Version">The declared version.</param>
/// <param name="File">The repository-relative file that declares it.</param>
internal sealed record DeclaredVersion(SemanticVersion Version, string File)
{
    /// <summary>The highest version declared by <paramref name="projects"/> or a <c>Directory.Build.props</c> above one of them (up to <paramref name="root"/>); null when none is.</summary>
    public static DeclaredVersion? Find(string root, IEnumerable<string> projects)
    {
        var top = Path.GetFullPath(root);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in projects.Where(System.IO.File.Exists))
        {
            files.Add(Path.GetFullPath(project));
            for (var directory = Path.GetDirectoryName(Path.GetFullPath(project)); directory is not null && directory.StartsWith(top, StringComparison.Ordinal); directory = Path.GetDirectoryName(directory))
            {
                var props = Path.Combine(directory, "Directory.Build.props");
                if (System.IO.File.Exists(props))
                {
                    files.Add(props);
                }
            }
        }

        return files.Select(f => Read(f, PortablePath.Relative(top, f)))
            .Where(d => d is not null)
            .OrderByDescending(d => d!.Version).ThenBy(d => d!.File, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static DeclaredVersion? Read(string path, string relative)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }

        var properties = document.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup").ToList();
        string? Property(string name) => properties.LastOrDefault(e => e.Name.LocalName == name && e.Attribute("Condition") is null)?.Value.Trim();
        var isProject = !relative.EndsWith("Directory.Build.props", StringComparison.Ordinal);
        if (isProject && (string.Equals(Property("IsPackable"), "false", StringComparison.OrdinalIgnoreCase)
            || string.Equals(Property("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase)
            || document.Descendants().Any(e => e.Name.LocalName == "PackageReference" && (string?)e.Attribute("Include") == "Microsoft.NET.Test.Sdk")))
        {
            return null;
        }

        var text = Property("Version") ?? Property("VersionPrefix");
        return text is null || text.Contains("$(", StringComparison.Ordinal) || SemanticVersion.FromTag(text, prefix: null) is not { } version
            ? null
            : new DeclaredVersion(version, relative);
    }
}
