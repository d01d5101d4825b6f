using Tollgate.Gates.Cache;
using Tollgate.Tests.Support;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Cache;

public sealed class SourceDigestsTests
{
    private static ProjectInfo Project(string path, params string[] references) =>
        new(path, "net10.0", false, path + ".dll", path + ".sarif", "10.0.100", References: references);

    private static (TempDirectory Root, IReadOnlyList<ProjectInfo> Built) Repository()
    {
        var root = new TempDirectory();
        root.Write("Directory.Build.props", "<Project />");
        root.Write("global.json", "{}");
        root.Write("README.md", "not an ingredient");
        root.Write("src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        root.Write("src/A/Calc.cs", "class Calc {}");
        root.Write("src/A/bin/Release/A.dll", "binary");
        root.Write("src/A/obj/A.AssemblyInfo.cs", "generated");
        root.Write("src/A/.vs/state", "hidden");
        root.Write("src/B/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        root.Write("src/B/Other.cs", "class Other {}");
        root.Write("tests/A.Tests/A.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        root.Write("tests/A.Tests/CalcTests.cs", "class CalcTests {}");
        var a = System.IO.Path.Combine(root.Path, "src/A/A.csproj");
        var b = System.IO.Path.Combine(root.Path, "src/B/B.csproj");
        var tests = System.IO.Path.Combine(root.Path, "tests/A.Tests/A.Tests.csproj");
        return (root, [Project(a), Project(b), Project(tests, a)]);
    }

    [Fact]
    public void A_project_closure_holds_its_sources_its_references_and_the_build_files_above_not_outputs()
    {
        var (root, built) = Repository();
        using var _ = root;

        var names = new SourceDigests(root.Path).OfProjectClosure(built[2].Project, built).Values.Keys.ToList();

        Assert.Equal(
            [
                "file:Directory.Build.props", "file:global.json", "file:src/A/A.csproj", "file:src/A/Calc.cs",
                "file:tests/A.Tests/A.Tests.csproj", "file:tests/A.Tests/CalcTests.cs", "packages:src/A/A.csproj", "packages:tests/A.Tests/A.Tests.csproj",
            ],
            names);
    }

    [Fact]
    public void The_key_changes_with_a_referenced_source_and_a_build_file_not_with_an_unrelated_project_or_the_checkout_path()
    {
        var (root, built) = Repository();
        using var _ = root;
        string Key(string r, IReadOnlyList<ProjectInfo> b) => new SourceDigests(r).OfProjectClosure(b[2].Project, b).Key;
        var before = Key(root.Path, built);

        root.Write("src/B/Other.cs", "class Other { int x; }");
        Assert.Equal(before, Key(root.Path, built));

        using var copy = new TempDirectory(withNuke: false);
        CopyTree(root.Path, copy.Path);
        var moved = built.Select(p => p with { Project = p.Project.Replace(root.Path, copy.Path, StringComparison.Ordinal), References = p.ProjectReferences.Select(r => r.Replace(root.Path, copy.Path, StringComparison.Ordinal)).ToList() }).ToList();
        Assert.Equal(before, Key(copy.Path, moved));

        root.Write("src/A/Calc.cs", "class Calc { int y; }");
        var changedSource = Key(root.Path, built);
        Assert.NotEqual(before, changedSource);

        root.Write("Directory.Build.props", "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>");
        Assert.NotEqual(changedSource, Key(root.Path, built));
    }

    [Fact]
    public void Resolved_packages_are_an_ingredient()
    {
        var (root, built) = Repository();
        using var _ = root;
        root.Write("src/A/obj/project.assets.json", """{ "libraries": { "Newtonsoft.Json/13.0.1": { "type": "package" }, "B/1.0.0": { "type": "project" } } }""");
        var first = new SourceDigests(root.Path).OfProject(built[0].Project).Values["packages:src/A/A.csproj"];

        root.Write("src/A/obj/project.assets.json", """{ "libraries": { "Newtonsoft.Json/13.0.3": { "type": "package" } } }""");
        var second = new SourceDigests(root.Path).OfProject(built[0].Project).Values["packages:src/A/A.csproj"];

        Assert.NotEqual(first, second);
        Assert.NotEqual("none", first);
    }

    [Fact]
    public void Named_inputs_outside_the_projects_are_in_every_key_by_content()
    {
        var (root, _) = Repository();
        using var _1 = root;
        root.Write("tests/fixtures/data/input.json", "{}");
        root.Write("tests/fixtures/bin/ignored.dll", "binary");
        var context = new CacheContext(ResultCache.Off, new SourceDigests(root.Path), "1.0.0 abc", ["tests/fixtures/*", "README.md"]);

        Assert.Equal(["file:README.md", "file:tests/fixtures/data/input.json"], context.Extra.Values.Keys);
        Assert.Empty(new CacheContext(ResultCache.Off, new SourceDigests(root.Path), "1.0.0 abc").Extra.Values);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
