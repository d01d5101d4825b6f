using Tollgate.IO;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Package;

/// <summary>
/// Which projects Package packs: those the build says are packable (<c>IsPackable</c> not false), never a test
/// project, and of those the ones <c>--package-projects</c> names (all when it names none). Every other project
/// of the build is listed with the reason it was not packed.
/// </summary>
/// <param name="Packed">Repository-relative project paths to pack.</param>
/// <param name="NotPacked">The others, each with its reason.</param>
/// <param name="PacksAllPackable">True when every packable project is packed: one pack of the solution does it.</param>
internal sealed record PackageChoice(IReadOnlyList<string> Packed, IReadOnlyList<(string Project, string Reason)> NotPacked, bool PacksAllPackable)
{
    /// <summary>The choice among the projects the build reported.</summary>
    public static PackageChoice Of(IReadOnlyList<ProjectInfo> built, IReadOnlyList<string> patterns, string root)
    {
        var packed = new List<string>();
        var notPacked = new List<(string, string)>();
        foreach (var project in built.GroupBy(p => p.Project).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var relative = PortablePath.Relative(root, project.Key);
            if (project.Any(p => p.IsTestProject))
            {
                notPacked.Add((relative, "a test project"));
            }
            else if (!project.All(p => p.IsPackable))
            {
                notPacked.Add((relative, "IsPackable is false"));
            }
            else if (patterns.Count > 0 && !FileNamePatterns.Matches(patterns, project.Key))
            {
                notPacked.Add((relative, $"not named by --package-projects {string.Join(" ", patterns)}"));
            }
            else
            {
                packed.Add(relative);
            }
        }

        return new PackageChoice(packed, notPacked, notPacked.All(n => n.Item2 is "a test project" or "IsPackable is false"));
    }
}
