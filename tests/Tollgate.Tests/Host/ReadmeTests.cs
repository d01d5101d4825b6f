using Tollgate.Engine;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Host;

/// <summary>The README stays true to the code: its parameter table names every parameter of the standard gates, with its parameters.json key.</summary>
public sealed class ReadmeTests
{
    private sealed class Everything : TollgateBuild, IStandardGates;

    [Fact]
    public void The_parameter_table_lists_every_parameter_with_its_key()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var rows = readme.Split('\n').Where(l => l.StartsWith("| `--", StringComparison.Ordinal)).ToList();

        var missing = ParameterDescriptor.Discover(typeof(Everything))
            .Where(d => !rows.Any(r => r.StartsWith($"| `--{d.KebabName}` | `{d.Name}` |", StringComparison.Ordinal)))
            .Select(d => $"--{d.KebabName} ({d.Name})")
            .ToList();

        Assert.Empty(missing);
    }
}
