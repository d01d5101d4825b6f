using Tollgate.Gates.Cache;

namespace Tollgate.Tests.Cache;

public sealed class KeyIngredientsTests
{
    [Fact]
    public void The_key_depends_on_the_ingredients_not_the_order_they_were_added_in()
    {
        var one = new KeyIngredients().Add("a", "1").Add("b", "2");
        var two = new KeyIngredients().Add("b", "2").Add("a", "1");

        Assert.Equal(one.Key, two.Key);
        Assert.Matches("^[0-9a-f]{64}$", one.Key);
        Assert.NotEqual(one.Key, new KeyIngredients().Add("a", "1").Add("b", "3").Key);
        Assert.NotEqual(one.Key, new KeyIngredients().Add("a", "1").Key);
    }

    [Fact]
    public void A_name_and_value_cannot_be_shifted_into_each_other()
    {
        Assert.NotEqual(new KeyIngredients().Add("ab", "c").Key, new KeyIngredients().Add("a", "bc").Key);
    }

    [Fact]
    public void Changes_name_what_was_added_changed_and_removed()
    {
        var before = new KeyIngredients().Add("file:src/A.cs", "d1").Add("sdk", "10.0.100").Add("file:src/Old.cs", "d3");
        var now = new KeyIngredients().Add("file:src/A.cs", "d2").Add("sdk", "10.0.101").Add("file:src/New.cs", "d4");

        var changes = KeyIngredients.Changes(before.Values, now.Values);

        Assert.Equal(["changed file:src/A.cs", "added file:src/New.cs", "changed sdk: 10.0.100 → 10.0.101", "removed file:src/Old.cs"], changes);
    }

    [Fact]
    public void A_value_added_by_digest_is_not_kept_in_the_clear()
    {
        var ingredients = new KeyIngredients().AddDigest("environment:TOKEN", "s3cret-value");

        Assert.DoesNotContain("s3cret", ingredients.Values["environment:TOKEN"], StringComparison.Ordinal);
        Assert.StartsWith("sha256:", ingredients.Values["environment:TOKEN"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_tool_run_is_one_digest_the_same_from_any_checkout_and_changed_by_its_arguments_or_environment()
    {
        static DotnetTestSettings Run(string root, string token)
        {
            var run = new DotnetTestSettings { Project = $"{root}/tests/A.Tests/A.Tests.csproj", ResultsDirectory = $"{root}/artifacts/t" }.AddArguments("--blame");
            return run with { EnvironmentVariables = new Dictionary<string, string?> { ["TOKEN"] = token, ["TOOLS"] = "/opt/tools/stryker" } };
        }

        string Digest(string root, string token, string tools = "/opt/tools") => new KeyIngredients().AddCommand("command", Run(root, token), root + "/", tools).Values["command"];

        Assert.Equal(Digest("/home/a/repo", "t1"), Digest("/builds/xyz/repo", "t1"));
        Assert.NotEqual(Digest("/home/a/repo", "t1"), Digest("/home/a/repo", "t2"));
        Assert.NotEqual(Digest("/home/a/repo", "t1"), new KeyIngredients().AddCommand("command", Run("/home/a/repo", "t1").AddArguments("--nologo"), "/home/a/repo", "/opt/tools").Values["command"]);
    }
}
