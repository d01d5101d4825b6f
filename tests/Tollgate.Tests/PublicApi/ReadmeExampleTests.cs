using System.Text.RegularExpressions;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.PublicApi;

/// <summary>The C# a build author copies from the README, or gets from tollgate-init, compiles with <c>using Tollgate;</c> alone.</summary>
public sealed partial class ReadmeExampleTests
{
    public static TheoryData<int> Examples()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Blocks().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_the_examples_this_test_compiles()
    {
        Assert.True(Blocks().Count >= 3, $"{Blocks().Count} C# blocks in README.md");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_readme_example_compiles_with_using_Tollgate_alone(int index)
    {
        var (line, code) = Blocks()[index];

        Assert.Contains("using Tollgate;", code, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"using\s+Tollgate\.", code);
        var errors = ExampleCompiler.Errors(code, $"readme_{line}");
        Assert.True(errors.Count == 0, $"README.md:{line}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void The_build_class_tollgate_init_writes_compiles()
    {
        var errors = ExampleCompiler.Errors(Tollgate.Init.Templates.BuildClass, "init_build");

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_build_using_an_internal_type_does_not_compile()
    {
        // The check itself can fail: the runner of processes is Tollgate's own business.
        var errors = ExampleCompiler.Errors("using Tollgate;\nclass X { object Runner(ITollgateBuild b) => b.ProcessRunner; }", "internal_use");

        Assert.Contains(errors, e => e.Contains("ProcessRunner", StringComparison.Ordinal));
    }

    private static List<(int Line, string Code)> Blocks()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        return CSharpBlock().Matches(readme)
            .Select(m => (readme[..m.Index].Count(c => c == '\n') + 2, m.Groups[1].Value))
            .ToList();
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
