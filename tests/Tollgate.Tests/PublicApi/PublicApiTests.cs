using Tollgate.Tests.Support;

namespace Tollgate.Tests.PublicApi;

/// <summary>
/// The public surface of the Tollgate package is what every repository of a portfolio compiles against:
/// it lives in one namespace and changes only as a reviewed diff of <c>Tollgate.api.txt</c>.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string Snapshot = Path.Combine(RepositoryRoot.Path, "tests", "Tollgate.Tests", "PublicApi", "Tollgate.api.txt");

    [Fact]
    public void Every_public_type_is_in_the_Tollgate_namespace()
    {
        var elsewhere = PublicApiText.PublicTypes(typeof(TollgateBuild).Assembly).Where(t => t.Namespace != "Tollgate").Select(t => t.FullName).ToList();

        Assert.Empty(elsewhere);
    }

    [Fact]
    public void The_public_api_is_the_reviewed_one()
    {
        var actual = PublicApiText.Of(typeof(TollgateBuild).Assembly);
        var expected = File.Exists(Snapshot) ? File.ReadAllText(Snapshot).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (actual == expected)
        {
            return;
        }

        var received = Path.ChangeExtension(Snapshot, ".received.txt");
        File.WriteAllText(received, actual);
        var added = actual.Split('\n').Except(expected.Split('\n')).Take(10).Select(l => "+ " + l);
        var removed = expected.Split('\n').Except(actual.Split('\n')).Take(10).Select(l => "- " + l);
        Assert.Fail($"The public API changed. Review {received} and, if the change is meant, copy it over {Snapshot}.\n"
            + string.Join("\n", removed.Concat(added)));
    }
}
