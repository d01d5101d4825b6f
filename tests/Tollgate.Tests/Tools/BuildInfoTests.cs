using Tollgate.Tests.Support;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Tools;

public class BuildInfoTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Reads_what_the_build_wrote_per_project_and_framework()
    {
        root.Write("info/B.1.net10.0.properties", "project=/r/tests/B.Tests.csproj\nframework=net10.0\nisTestProject=true\nisPackable=false\ntargetPath=/r/b.dll\nsarif=/r/b.sarif\nsdk=10.0.401\nprojectReferences=/r/src/A.csproj\ncoverageCollector=coverlet.collector@6.0.4\n");
        root.Write("info/A.2.net10.0.properties", "project=/r/src/A.csproj\nframework=net10.0\nisTestProject=\ntargetPath=/r/a.dll\nsarif=/r/a.sarif\nsdk=10.0.401\nprojectReferences=\ncoverageCollector=\n");

        var projects = BuildInfo.Read(Path.Combine(root.Path, "info"));

        Assert.Equal(
            [("/r/src/A.csproj", "net10.0", false, true, "/r/a.dll", (string?)null, ""), ("/r/tests/B.Tests.csproj", "net10.0", true, false, "/r/b.dll", "6.0.4", "/r/src/A.csproj")],
            projects.Select(p => (p.Project, p.Framework, p.IsTestProject, p.IsPackable, p.TargetPath, p.CoverageCollector, string.Join("|", p.ProjectReferences))));
    }

    [Fact]
    public void No_build_information_is_an_error_saying_to_run_compile()
    {
        var error = Assert.Throws<InvalidDataException>(() => BuildInfo.Read(Path.Combine(root.Path, "none")));

        Assert.Contains("do not --skip Compile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_missing_a_fact_is_an_error_naming_it()
    {
        root.Write("info/A.properties", "project=/r/a.csproj\n");

        var error = Assert.Throws<InvalidDataException>(() => BuildInfo.Read(Path.Combine(root.Path, "info")));

        Assert.Contains("has no 'framework'", error.Message, StringComparison.Ordinal);
    }
}
