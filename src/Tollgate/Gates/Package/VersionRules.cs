using System.Globalization;
using System.Text;

namespace Tollgate.Gates.Package;

/// <summary>
/// Tollgate's versioning rules, from git facts: the highest version tag HEAD contains (<c>v1.4.0</c>,
/// <c>1.4.0</c>, <c>v1.4</c>, or behind a configured prefix) and the commit height since it. A tagged commit is the tag's version. After a release tag the next patch
/// is a pre-release: <c>1.4.1-alpha.0.3</c> on main (height 3), <c>1.4.1-feature-login.0.3</c> on
/// <c>feature/login</c>. After a pre-release tag the height is appended (<c>2.0.0-rc.1.3</c>). No tag:
/// the repository's declared version (or <c>0.1.0</c>) as <c>x.y.z-alpha.0.&lt;height&gt;</c>.
/// </summary>
internal static class VersionRules
{
    /// <summary>The branches whose pre-release label is <c>alpha</c>.</summary>
    public static readonly IReadOnlySet<string> MainBranches = new HashSet<string>(StringComparer.Ordinal) { "main", "master" };

    /// <summary>
    /// The highest version among <paramref name="tags"/> (<c>v1.4.0</c>, <c>1.4.0</c>, <c>v1.4</c>; with a
    /// <paramref name="prefix"/>, only tags that start with it), with its name; null when none is a version.
    /// </summary>
    public static (string Tag, SemanticVersion Version)? Latest(IEnumerable<string> tags, string? prefix = null) =>
        tags.Select(t => (Tag: t, Version: SemanticVersion.FromTag(t, prefix)))
            .Where(t => t.Version is not null).Select(t => (t.Tag, Version: t.Version!))
            .OrderByDescending(t => t.Version).ThenBy(t => t.Tag, StringComparer.Ordinal).Cast<(string, SemanticVersion)?>().FirstOrDefault();

    /// <summary>
    /// The version of commit <paramref name="sha"/> on <paramref name="branch"/>, <paramref name="height"/> commits after
    /// <paramref name="tag"/>; without a tag, from the repository's own declared version (<paramref name="start"/>) or 0.1.0.
    /// </summary>
    public static BuildVersion Compute(SemanticVersion? tag, int height, string branch, string sha, SemanticVersion? start = null)
    {
        var label = MainBranches.Contains(branch) ? "alpha" : Label(branch);
        SemanticVersion version;
        if (tag is null)
        {
            var baseline = start ?? new SemanticVersion(0, 1, 0);
            version = new SemanticVersion(baseline.Major, baseline.Minor, baseline.Patch, $"{label}.0.{Number(height)}");
        }
        else if (height == 0)
        {
            version = tag with { Build = null };
        }
        else if (tag.PreRelease is null)
        {
            version = new SemanticVersion(tag.Major, tag.Minor, tag.Patch + 1, $"{label}.0.{Number(height)}");
        }
        else
        {
            version = tag with { PreRelease = MainBranches.Contains(branch) ? $"{tag.PreRelease}.{Number(height)}" : $"{tag.PreRelease}.{label}.{Number(height)}", Build = null };
        }

        var semVer = version.ToString();
        return new BuildVersion(
            semVer,
            height == 0 ? semVer : $"{semVer}+{Number(height)}",
            $"{semVer}+Branch.{Label(branch)}.Sha.{sha}",
            $"{version.Major}.{version.Minor}.{version.Patch}.0",
            semVer,
            sha,
            branch,
            "git");
    }

    /// <summary>A branch name as a SemVer identifier: <c>feature/Login_page</c> → <c>feature-login-page</c>.</summary>
    public static string Label(string branch)
    {
        var text = new StringBuilder();
        foreach (var c in branch.ToLowerInvariant())
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var label = string.Join('-', text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return label.Length == 0 ? "branch" : label.All(char.IsAsciiDigit) ? $"branch-{label}" : label;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
