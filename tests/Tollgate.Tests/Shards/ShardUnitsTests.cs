using Tollgate.Gates.Shards;
using Tollgate.Tests.Review;
using Tollgate.Tools.Assemblies;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Shards;

public sealed class ShardUnitsTests
{
    private static readonly string Assembly = typeof(ShardUnitsTests).Assembly.Location;

    [Fact]
    public void The_test_classes_of_a_built_assembly_are_read_from_its_metadata_with_their_test_counts()
    {
        var classes = TestClassReader.Read(Assembly);

        // What reflection says of the same classes: their methods marked [Fact] or [Theory] (a theory counts once).
        Assert.Contains(new TestClass(typeof(GitDiffTests).FullName!, TestsOf(typeof(GitDiffTests))), classes);
        Assert.Contains(new TestClass(typeof(ShardSpecTests).FullName!, TestsOf(typeof(ShardSpecTests))), classes);
        Assert.True(TestsOf(typeof(ShardSpecTests)) > typeof(ShardSpecTests).GetMethods().Count(m => m.GetCustomAttributes(typeof(TheoryAttribute), false).Length > 0));
        Assert.DoesNotContain(classes, c => c.FullName == typeof(ReviewBuild).FullName);
    }

    [Fact]
    public void A_project_heavier_than_a_shard_s_share_splits_into_its_classes_a_light_one_stays_whole()
    {
        var root = Path.GetDirectoryName(Assembly)!;
        var big = new ProjectInfo(Path.Combine(root, "Big.Tests.csproj"), "net10.0", true, Assembly, "", "10.0");
        var small = new ProjectInfo(Path.Combine(root, "Small.Tests.csproj"), "net10.0", true, Path.Combine(root, "missing.dll"), "", "10.0");

        var split = ShardUnits.Tests(root, [big, small], 3);
        var whole = ShardUnits.Tests(root, [big, small], 1);

        Assert.Contains(split, u => u.Project == "Big.Tests.csproj" && u.Part == typeof(GitDiffTests).FullName && u.Size == TestsOf(typeof(GitDiffTests)));
        Assert.Contains(new ShardUnit(ShardWork.Test, "Small.Tests.csproj", null, 1), split);
        Assert.Equal(["test:Big.Tests.csproj", "test:Small.Tests.csproj"], whole.Select(u => u.Key));
    }

    [Fact]
    public void A_split_mutation_run_shares_out_only_the_files_the_mutate_patterns_leave()
    {
        using var directory = new Support.TempDirectory();
        directory.Write("src/P/P.csproj", "<Project />");
        foreach (var file in new[] { "Domain/A.cs", "Domain/B.cs", "Domain/Deep/D.cs", "Infra/C.cs", "obj/Gen.cs" })
        {
            directory.Write($"src/P/{file}", "class X\n{\n}\n");
        }

        var units = ShardUnits.Mutation(directory.Path, [Path.Combine(directory.Path, "src", "P", "P.csproj")], 2, ["**/Domain/**/*.cs", "!**/B.cs"]);

        Assert.Equal(["src/P/Domain/A.cs", "src/P/Domain/Deep/D.cs"], units.Select(u => u.Part));
        Assert.Equal(
            ["src/P/Domain/A.cs", "src/P/Domain/B.cs", "src/P/Domain/Deep/D.cs", "src/P/Infra/C.cs"],
            ShardUnits.Mutation(directory.Path, [Path.Combine(directory.Path, "src", "P", "P.csproj")], 2).Select(u => u.Part));
    }

    [Theory]
    [InlineData("**/Domain/**/*.cs", "Domain/A.cs", true)]
    [InlineData("**/Domain/**/*.cs", "Sub/Domain/Deep/A.cs", true)]
    [InlineData("**/Domain/**/*.cs", "Domains/A.cs", false)]
    [InlineData("Domain/*.cs", "Domain/Deep/A.cs", false)]
    [InlineData("./Domain/?.cs", "Domain/A.cs", true)]
    [InlineData("**/*Service.cs", "App/PricingService.cs", true)]
    [InlineData("**/*Service.cs", "App/PricingService.cs.bak", false)]
    public void Stryker_globs_match_as_stryker_matches_them(string pattern, string file, bool matches) =>
        Assert.Equal(matches, Tollgate.Tools.Stryker.StrykerGlob.Matches(pattern, file));

    private static int TestsOf(Type type) => type.GetMethods().Count(m => m.GetCustomAttributes(typeof(FactAttribute), true).Length > 0);
}
