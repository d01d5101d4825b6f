using System.Xml.Linq;

namespace Tollgate.Init;

/// <summary>What a project file says of itself, read as XML without MSBuild.</summary>
internal static class ProjectKind
{
    private static readonly string[] TestFrameworks = ["Microsoft.NET.Test.Sdk", "xunit", "xunit.v3", "NUnit", "MSTest.TestFramework", "MSTest", "TUnit"];

    /// <summary>A test project: <c>IsTestProject</c> true, or a reference to the test SDK or a test framework.</summary>
    public static bool IsTestProject(string project)
    {
        var document = Load(project);
        return document is not null && (Property(document, "IsTestProject") == "true" || References(document).Any(r => TestFrameworks.Contains(r, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>Whether the project references a coverage collector Tollgate's Coverage gate reads.</summary>
    public static bool HasCoverageCollector(string project) =>
        Load(project) is { } document && References(document).Any(r => r.Equals("coverlet.collector", StringComparison.OrdinalIgnoreCase));

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

    private static string? Property(XDocument document, string name) =>
        document.Descendants().LastOrDefault(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup")?.Value.Trim().ToLowerInvariant();

    private static IEnumerable<string> References(XDocument document) =>
        document.Descendants().Where(e => e.Name.LocalName == "PackageReference").Select(e => (string?)e.Attribute("Include")).OfType<string>();
}
