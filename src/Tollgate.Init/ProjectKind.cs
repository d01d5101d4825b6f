using System.Xml.Linq;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Init;

/// <summary>
/// What a project file says of itself as a test project, read as XML without MSBuild (the project, its
/// <c>Directory.Build.props</c> files and the packages it references), decided by the same rule the gates use on
/// the build's facts (<see cref="TestingFacts.Platform"/>): the test projects <c>tollgate-init</c> lists are the ones Test runs.
/// </summary>
internal static class ProjectKind
{
    // Packages whose build files make a project a Microsoft.Testing.Platform test application (IsTestingPlatformApplication).
    private static readonly string[] ApplicationPackages =
        ["xunit.v3", "xunit.v3.mtp-v1", "xunit.v3.mtp-v2", "xunit.v3.core", "xunit.v3.core.mtp-v1", "xunit.v3.core.mtp-v2", "TUnit", "TUnit.Engine", "Microsoft.Testing.Platform", "Microsoft.Testing.Platform.MSBuild"];

    private static readonly string[] OptInProperties = ["EnableMSTestRunner", "EnableNUnitRunner", "UseMicrosoftTestingPlatformRunner"];

    /// <summary>The platform the project's tests run on, or null when it is no test project.</summary>
    /// <param name="project">The project file.</param>
    /// <param name="root">The repository root (where <c>Directory.Build.props</c> files stop, and <c>global.json</c> is looked for).</param>
    public static TestPlatform? Platform(string project, string root)
    {
        var document = Load(project);
        if (document is null)
        {
            return null;
        }

        var properties = Properties(project, root, document);
        bool True(string name) => properties.TryGetValue(name, out var value) && value.Equals("true", StringComparison.OrdinalIgnoreCase);
        var references = References(document).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mstestSdk = Sdks(document).Any(s => s.StartsWith("MSTest.Sdk", StringComparison.OrdinalIgnoreCase)) && !True("UseVSTest");
        var facts = new TestingFacts(
            True("IsTestProject") || references.Contains("Microsoft.NET.Test.Sdk"),
            True("IsTestingPlatformApplication") || mstestSdk || references.Overlaps(ApplicationPackages),
            True("TestingPlatformDotnetTestSupport"),
            mstestSdk || OptInProperties.Any(True));
        return facts.Platform(GlobalJson.UsesTestingPlatform(root));
    }

    /// <summary>Whether the project references the coverage extension its platform reads: coverlet.collector (VSTest) or coverlet.MTP.</summary>
    public static bool HasCoverageCollector(string project, TestPlatform platform) =>
        Load(project) is { } document && References(document).Any(r => r.Equals(platform == TestPlatform.VSTest ? "coverlet.collector" : TestingFacts.CoverletExtension, StringComparison.OrdinalIgnoreCase));

    private static XDocument? Load(string project)
    {
        try
        {
            return File.Exists(project) ? XDocument.Load(project) : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    // The properties set in the Directory.Build.props files from the root down to the project, then in the project: the last one wins.
    private static Dictionary<string, string> Properties(string project, string root, XDocument document)
    {
        var files = new List<XDocument>();
        var fullRoot = Path.GetFullPath(root);
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(project))!); directory is not null; directory = directory.Parent)
        {
            if (Load(Path.Combine(directory.FullName, "Directory.Build.props")) is { } props)
            {
                files.Insert(0, props);
            }

            if (string.Equals(directory.FullName.TrimEnd(Path.DirectorySeparatorChar), fullRoot.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                break;
            }
        }

        files.Add(document);
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in files.SelectMany(f => f.Descendants()).Where(e => e.Parent?.Name.LocalName == "PropertyGroup" && !e.HasElements))
        {
            properties[property.Name.LocalName] = property.Value.Trim();
        }

        return properties;
    }

    private static IEnumerable<string> References(XDocument document) =>
        document.Descendants().Where(e => e.Name.LocalName == "PackageReference").Select(e => (string?)e.Attribute("Include")).OfType<string>();

    private static IEnumerable<string> Sdks(XDocument document) =>
        ((string?)document.Root?.Attribute("Sdk") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(document.Descendants().Where(e => e.Name.LocalName == "Sdk").Select(e => (string?)e.Attribute("Name")).OfType<string>());
}
