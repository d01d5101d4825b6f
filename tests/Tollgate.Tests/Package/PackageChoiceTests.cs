using Tollgate.Gates.Package;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Package;

public sealed class PackageChoiceTests
{
    private static ProjectInfo Project(string path, string framework = "net10.0", bool test = false, bool packable = true) =>
        new($"/r/{path}", framework, test, "", "", "10.0.401", packable);

    private static readonly ProjectInfo[] Built =
    [
        Project("src/Lib/Lib.csproj", "netstandard2.0"), Project("src/Lib/Lib.csproj", "net8.0"),
        Project("samples/Demo/Demo.csproj"), Project("tools/Gen/Gen.csproj", packable: false), Project("tests/Lib.Tests/Lib.Tests.csproj", test: true, packable: false),
    ];

    [Fact]
    public void Packable_non_test_projects_are_packed_and_every_other_is_listed_with_its_reason()
    {
        var choice = PackageChoice.Of(Built, [], "/r");

        Assert.Equal(["samples/Demo/Demo.csproj", "src/Lib/Lib.csproj"], choice.Packed);
        Assert.Equal([("tests/Lib.Tests/Lib.Tests.csproj", "a test project"), ("tools/Gen/Gen.csproj", "IsPackable is false")], choice.NotPacked);
        Assert.True(choice.PacksAllPackable);
    }

    [Fact]
    public void A_pattern_leaves_samples_out_and_the_projects_are_then_packed_one_by_one()
    {
        var choice = PackageChoice.Of(Built, ["Lib*.csproj"], "/r");

        Assert.Equal(["src/Lib/Lib.csproj"], choice.Packed);
        Assert.Contains(("samples/Demo/Demo.csproj", "not named by --package-projects Lib*.csproj"), choice.NotPacked);
        Assert.False(choice.PacksAllPackable);
    }
}
