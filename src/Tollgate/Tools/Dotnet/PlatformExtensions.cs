using System.Security;
using System.Text;

namespace Tollgate.Tools.Dotnet;

/// <summary>
/// The Microsoft.Testing.Platform extensions Tollgate adds to test applications that lack them, without editing the
/// repository: a platform extension is compiled into the application (its builder hook), so unlike VSTest's
/// <c>--test-adapter-path</c> it cannot be handed over at run time. Compile writes <c>platform-extensions.props</c> beside
/// <c>Tollgate.Build.targets</c> with one item per missing package and project; the targets add them as package references
/// of that project only, the restore fetches them and the build compiles them in. Only applications on the platform's
/// version 2 or later get one: the pinned extensions need it, and moving an application of version 1 would break it.
/// </summary>
internal static class PlatformExtensions
{
    /// <summary>The file name, beside <see cref="BuildTargetsFile.FileName"/>.</summary>
    public const string FileName = "platform-extensions.props";

    /// <summary>What one test application is given.</summary>
    /// <param name="Project">The project's full path.</param>
    /// <param name="Packages">Package id and version.</param>
    internal sealed record Supply(string Project, IReadOnlyList<KeyValuePair<string, string>> Packages);

    /// <summary>
    /// The extensions each test application on the platform needs and lacks: a TRX report unless it has its own (or is
    /// xunit.v3, which writes TRX itself), coverlet.MTP and the hang extension unless it has its own; at the pinned versions.
    /// </summary>
    /// <param name="built">The build's facts.</param>
    /// <param name="repositoryUsesPlatform">Whether <c>global.json</c> runs <c>dotnet test</c> on the platform.</param>
    /// <param name="trxVersion">The pinned Microsoft.Testing.Extensions.TrxReport.</param>
    /// <param name="coverletVersion">The pinned coverlet.MTP.</param>
    /// <param name="hangVersion">The pinned Microsoft.Testing.Extensions.HangDump (the hang timeout); null: none supplied.</param>
    public static IReadOnlyList<Supply> Plan(IReadOnlyList<ProjectInfo> built, bool repositoryUsesPlatform, string trxVersion, string coverletVersion, string? hangVersion = null) =>
        built.Where(p => p.PlatformIn(repositoryUsesPlatform) == TestPlatform.TestingPlatform && p.Facts.PlatformMajor >= 2)
            .GroupBy(p => p.Project, StringComparer.Ordinal)
            .Select(project =>
            {
                var facts = project.First().Facts;
                var packages = new List<KeyValuePair<string, string>>();
                if (!facts.Owns(TestingFacts.TrxExtension) && !facts.PlatformPackages.ContainsKey(TestingFacts.XunitV3Package))
                {
                    packages.Add(new(TestingFacts.TrxExtension, trxVersion));
                }

                if (!facts.Owns(TestingFacts.CoverletExtension))
                {
                    packages.Add(new(TestingFacts.CoverletExtension, coverletVersion));
                }

                if (hangVersion is not null && !facts.Owns(TestingFacts.HangExtension))
                {
                    packages.Add(new(TestingFacts.HangExtension, hangVersion));
                }

                return new Supply(project.Key, packages);
            })
            .Where(s => s.Packages.Count > 0)
            .OrderBy(s => s.Project, StringComparer.Ordinal)
            .ToList();

    /// <summary>The props file for <paramref name="plan"/> (an empty project when nothing is supplied).</summary>
    public static string Render(IReadOnlyList<Supply> plan)
    {
        var text = new StringBuilder("<Project>\n  <!-- Written by Tollgate's Compile: extensions of Microsoft.Testing.Platform that these test applications lack. -->\n");
        foreach (var supply in plan)
        {
            text.Append("  <ItemGroup Condition=\"'$(MSBuildProjectFullPath)' == '").Append(SecurityElement.Escape(MSBuildEscaped(supply.Project))).Append("'\">\n");
            foreach (var (id, version) in supply.Packages)
            {
                text.Append("    <_TollgateSupply Include=\"").Append(SecurityElement.Escape(id)).Append("\" SupplyVersion=\"").Append(SecurityElement.Escape(version)).Append("\" />\n");
            }

            text.Append("  </ItemGroup>\n");
        }

        return text.Append("</Project>\n").ToString();
    }

    // MSBuild's escaping of the characters it would otherwise read as syntax in a condition: %, $, @, ', ;.
    private static string MSBuildEscaped(string path) =>
        path.Replace("%", "%25", StringComparison.Ordinal).Replace("$", "%24", StringComparison.Ordinal).Replace("@", "%40", StringComparison.Ordinal)
            .Replace("'", "%27", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal);
}
