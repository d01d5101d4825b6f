using Tollgate.Gates.ArchitectureTests;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Architecture;

/// <summary>Tollgate's own layering (<c>.nuke/architecture.json</c>, docs/architecture.md) holds for the package's assembly.</summary>
public sealed class OwnLayersTests
{
    [Fact]
    public void Tollgate_keeps_its_own_architecture_rules()
    {
        var rules = ArchitectureRulesFile.Read(Path.Combine(RepositoryRoot.Path, ".nuke", "architecture.json"), ".nuke/architecture.json");
        var architecture = global::Tollgate.Architecture.Of(typeof(TollgateBuild).Assembly);
        foreach (var rule in rules)
        {
            architecture.Add(rule);
        }

        Assert.True(rules.Count >= 5, $"{rules.Count} rules");
        var violations = architecture.Check();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
