using Tollgate.Engine;
using Tollgate.Tests.Adoption;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Architecture;

/// <summary>The ArchitectureTests gate on tests/fixtures/architecture, where each kind of violation is planted once.</summary>
[Trait("Category", "Integration")]
[Collection(nameof(GateRunsCollection))]
public sealed class ArchitectureFixtureTests
{
    private static readonly (string Rule, string Type, string Dependency)[] Planted =
    [
        ("onion", "Layered.Domain.Price", "Layered.Application.PricingPolicy"),
        ("domain has no infrastructure dependencies", "Layered.Domain.Catalog", "Layered.Infrastructure.CacheEntry"),
        ("domain has no infrastructure dependencies", "Layered.Domain.Customer", "Layered.Infrastructure.Database"),
        ("domain has no infrastructure dependencies", "Layered.Domain.Invoice", "Layered.Infrastructure.PdfRenderer"),
        ("domain has no infrastructure dependencies", "Layered.Domain.Product", "Layered.Infrastructure.ColumnAttribute"),
        ("orders has no dependencies on billing", "Layered.Modules.Orders.OrderModule", "Layered.Modules.Billing.BillingModule"),
        ("controllers only in the api", "Layered.Application.ReportsController", "Layered.Api.**"),
        ("modules without cycles", "Layered.Modules.Shipping.Shipment", "Layered.Modules.Tracking.Tracker"),
        ("modules without cycles", "Layered.Modules.Tracking.Tracker", "Layered.Modules.Shipping.Shipment"),
    ];

    [Fact]
    public async Task Finds_exactly_the_planted_violations_then_a_frozen_baseline_lets_only_new_ones_fail()
    {
        using var repository = new SampleRepository(fixture: "architecture");

        var run = await HostRun.RunAsync<LayeredBuild>(repository.Root, ["ArchitectureTests"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var gate = Gate.Read(repository.Evidence, "ArchitectureTests");
        Assert.Equal("9 violations (5 rules)", gate.Headline);
        var found = gate.Findings.Select(f => (f.GetProperty("rule").GetString()!, Detail(f))).ToList();
        Assert.Equal(
            Planted.Select(p => (p.Rule, $"type {p.Type}; dependency {p.Dependency}")).Order(),
            found.Select(f => (f.Item1, f.Item2[..f.Item2.IndexOf("; found in", StringComparison.Ordinal)])).Order());
        Assert.Contains(found, f => f.Item2.EndsWith("PdfRenderer; found in method Render (lambda)", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Item2.EndsWith("Database; found in method SaveAsync (async)", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Item2.EndsWith("CacheEntry; found in field entries", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Item2.EndsWith("ColumnAttribute; found in attribute", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(repository.Evidence, "reports", "architecturetests", "architecture.sarif")));
        Assert.True(File.Exists(Path.Combine(repository.Root, ".nuke", "architecture.schema.json")));

        var freeze = await HostRun.RunAsync<LayeredBuild>(repository.Root, ["ArchitectureTests", "--architecture-freeze"]);

        Assert.True(freeze.ExitCode == ExitCodes.Success, freeze.Output + freeze.Error);
        Assert.Equal("0 violations (5 rules), 9 known", Gate.Read(repository.Evidence, "ArchitectureTests").Headline);

        SampleRepository.Copy(Path.Combine(Support.RepositoryRoot.Path, "tests", "fixtures", "patches", "architecture-new-violation"), repository.Root);
        var later = await HostRun.RunAsync<LayeredBuild>(repository.Root, ["ArchitectureTests"]);

        Assert.Equal(ExitCodes.Failure, later.ExitCode);
        var held = Gate.Read(repository.Evidence, "ArchitectureTests");
        Assert.Equal("1 violation (5 rules), 9 known", held.Headline);
        var fresh = Assert.Single(held.Findings, f => f.GetProperty("kind").GetString() == "violation");
        Assert.StartsWith("type Layered.Domain.Ledger; dependency Layered.Infrastructure.Database", Detail(fresh), StringComparison.Ordinal);

        // The same engine from C#, as a team would write it in an xunit test.
        var assembly = Path.Combine(repository.Root, "src", "Layered", "bin", "Release", "net10.0", "Layered.dll");
        var error = Assert.Throws<ArchitectureException>(() => global::Tollgate.Architecture.Of(assembly)
            .Layers("onion", ("Api", "Layered.Api.**"), ("Application", "Layered.Application.**"), ("Domain", "Layered.Domain.**"))
            .Place("controllers only in the api", types: "*Controller", inside: "Layered.Api.**")
            .AssertNone());
        Assert.Equal(2, error.Violations.Count);
        Assert.Contains("- [controllers only in the api] Layered.Application.ReportsController resides in Layered.Application", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_rules_file_the_default_rule_checks_for_namespace_cycles()
    {
        using var repository = new SampleRepository(fixture: "architecture");
        File.Delete(Path.Combine(repository.Root, ".nuke", "architecture.json"));

        var run = await HostRun.RunAsync<LayeredBuild>(repository.Root, ["ArchitectureTests"]);

        var gate = Gate.Read(repository.Evidence, "ArchitectureTests");
        Assert.Contains("default rules: no namespace cycles)", gate.Headline, StringComparison.Ordinal);
        Assert.Contains("No .nuke/architecture.json: checking the default rule, no namespace cycles within each assembly", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(gate.Reasons, r => r.StartsWith("no architecture rules", StringComparison.Ordinal));
        // The fixture plants a cycle between two modules: the default rule finds it, and finds nothing else.
        var violations = gate.Findings.Where(f => f.GetProperty("kind").GetString() == "violation").ToList();
        Assert.True(violations.Count > 0, $"the planted cycle was not found; the gate said {gate.Said}");
        Assert.All(violations, f => Assert.StartsWith("no namespace cycles in ", f.GetProperty("rule").GetString(), StringComparison.Ordinal));
    }

    private static string Detail(System.Text.Json.JsonElement finding) => finding.GetProperty("detail").GetString()!;
}
