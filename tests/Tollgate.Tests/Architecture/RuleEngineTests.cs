using Tollgate.Gates.ArchitectureTests;
using Tollgate.Tests.Support;
using Tollgate.Tools.Assemblies;

namespace Tollgate.Tests.Architecture;

public class RuleEngineTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private static TypeDependencies Type(string name, params string[] targets)
    {
        var ns = name[..name.LastIndexOf('.')];
        return new TypeDependencies(name, ns, "App", ["System.Object"], targets.Select(t => new TypeDependency(t, "method M")).ToList());
    }

    [Theory]
    [InlineData("Shop.Domain.*", "Shop.Domain.Order", true)]
    [InlineData("Shop.Domain.*", "Shop.Domain.Orders.Line", false)]
    [InlineData("Shop.Domain.**", "Shop.Domain.Orders.Line", true)]
    [InlineData("Shop.Domain.**", "Shop.Domain.Order", true)]
    [InlineData("Shop.Domain.**", "Shop.DomainEvents.Order", false)]
    [InlineData("*Controller", "Shop.Api.OrdersController", true)]
    [InlineData("*Controller", "Shop.Api.OrdersControllerTests", false)]
    [InlineData("*", "Shop.Api.Anything", true)]
    [InlineData("regex:^Shop\\.(Api|Web)\\.", "Shop.Web.Home", true)]
    [InlineData("/Repository$/", "Shop.Data.OrderRepository", true)]
    public void Patterns_match_as_documented(string pattern, string type, bool matches) =>
        Assert.Equal(matches, TypePattern.Parse(pattern).Matches(Type(type)));

    [Fact]
    public void Assembly_patterns_match_the_assembly_and_no_other()
    {
        Assert.True(TypePattern.Parse("assembly:Ap*").Matches(Type("X.Y")));
        Assert.False(TypePattern.Parse("assembly:Other*").Matches(Type("X.Y")));
        Assert.False(TypePattern.Parse("assembly:X*").Matches(Type("X.Y")), "an assembly pattern reads the assembly's name, not the type's");
    }

    [Fact]
    public void Layers_allow_depending_downwards_only()
    {
        var rule = new LayersRule("l", [new Layer("Top", TypeSet.Of("A.Top.**")), new Layer("Mid", TypeSet.Of("A.Mid.**")), new Layer("Low", TypeSet.Of("A.Low.**"))]);

        var violations = rule.Check([Type("A.Top.T", "A.Low.L", "A.Mid.M"), Type("A.Low.L", "A.Top.T", "System.String"), Type("A.Mid.M", "A.Low.L")]).ToList();

        var violation = Assert.Single(violations);
        Assert.Equal(("A.Low.L", "A.Top.T"), (violation.Type, violation.Dependency));
        Assert.Contains("(layer Low) depends on A.Top.T (layer Top, above it)", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycles_between_slices_are_found_and_acyclic_slices_pass()
    {
        var rule = new NoCyclesRule("c", "M.*");

        var violations = rule.Check([Type("M.A.X", "M.B.Y"), Type("M.B.Y", "M.C.Z"), Type("M.C.Z", "M.A.X"), Type("M.D.W", "M.A.X")]).ToList();

        Assert.Equal(["M.A.X", "M.B.Y", "M.C.Z"], violations.Select(v => v.Type).Order());
        Assert.Contains("cycle between M.A ⇄ M.B ⇄ M.C", violations[0].Message, StringComparison.Ordinal);
        Assert.Empty(rule.Check([Type("M.A.X", "M.B.Y"), Type("M.B.Y", "M.C.Z")]));
    }

    [Fact]
    public void Placement_by_base_type()
    {
        var rule = new PlacementRule("p", null, TypeSet.Of("Mvc.ControllerBase"), TypeSet.Of("App.Api.**"));
        var misplaced = new TypeDependencies("App.Core.Home", "App.Core", "App", ["Mvc.ControllerBase"], []);

        Assert.Equal("App.Core.Home", Assert.Single(rule.Check([misplaced, new TypeDependencies("App.Api.Ok", "App.Api", "App", ["Mvc.ControllerBase"], [])])).Type);
    }

    [Fact]
    public void The_reader_finds_tollgates_own_engine_using_io()
    {
        var violations = global::Tollgate.Architecture.Of(typeof(TollgateBuild).Assembly)
            .Forbid("engine without io", from: "Tollgate.Engine.**", to: "Tollgate.IO.**")
            .Violations();

        Assert.Contains(violations, v => v.Type == "Tollgate.Engine.BuildSchema" && v.Dependency == "Tollgate.IO.AtomicFile");
        Assert.All(violations, v => Assert.StartsWith("Tollgate.Engine.", v.Type, StringComparison.Ordinal));
        Assert.All(violations, v => Assert.StartsWith("Tollgate.IO.", v.Dependency, StringComparison.Ordinal));
        Assert.Empty(global::Tollgate.Architecture.Of(typeof(TollgateBuild).Assembly).Forbid("io below the gates", from: "Tollgate.IO.**", to: "Tollgate.Gates.**").Violations());
    }

    [Theory]
    [InlineData("""{ "rules": [ { "name": "x", "kind": "sideways" } ] }""", "rules[0].kind: \"sideways\" is not allowed (expected one of \"layers\", \"forbidden\", \"placement\", \"noCycles\")")]
    [InlineData("""{ "rules": [ { "kind": "forbidden" } ] }""", ":1: rules[0]: \"name\" is missing (add it)")]
    [InlineData("""{ "rules": [ { "name": "f", "kind": "forbidden", "from": ["A.**"] } ] }""", ":1: rules[0]: \"to\" is missing (add it)")]
    [InlineData("""{ "rules": [ { "name": "p", "kind": "placement", "in": ["A.**"] } ] }""", "rules[0]: matches none of the allowed forms (expected \"types\" or \"baseTypes\")")]
    [InlineData("""{ "rules": [ { "name": "r", "kind": "forbidden", "from": ["regex:("], "to": ["B"] } ] }""", "not a valid regular expression")]
    [InlineData("""{ "nothing": [] }""", "(the file): \"rules\" is missing (add it)")]
    [InlineData("""{ oops""", "is not valid JSON")]
    public void Mistakes_in_the_rules_file_name_the_file_the_rule_and_the_fix(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ArchitectureRulesFile.Read(root.Write("a.json", text), ".nuke/architecture.json"));

        Assert.Contains(".nuke/architecture.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gate_fails_on_new_violations_lists_known_ones_and_never_passes_without_rules()
    {
        var violation = new ArchitectureViolation("r", "A.X", "B.Y", "method M", "A.X depends on B.Y");
        var tools = new Dictionary<string, string>();

        Assert.Equal(GateStatus.Failed, ArchitectureGate.Evaluate([violation], new HashSet<string>(), 1, 10, tools).Status);
        var frozen = ArchitectureGate.Evaluate([violation], new HashSet<string> { violation.Key, "r|gone|gone" }, 1, 10, tools);
        Assert.Equal(GateStatus.Passed, frozen.Status);
        Assert.Equal((0, 1, 1), (frozen.Metrics["violations"], frozen.Metrics["known"], frozen.Metrics["fixedSinceFreeze"]));
        Assert.Equal(GateStatus.Failed, ArchitectureGate.Evaluate([], new HashSet<string>(), 0, 10, tools).Status);
        Assert.Equal(GateStatus.Failed, ArchitectureGate.Evaluate([], new HashSet<string>(), 2, 0, tools).Status);
    }

    [Fact]
    public void A_frozen_baseline_round_trips()
    {
        var path = Path.Combine(root.Path, "baseline.json");
        ArchitectureBaseline.Write(path, [new ArchitectureViolation("r", "A.X", "B.Y", "method M", "m"), new ArchitectureViolation("r", "A.X", "B.Y", "field f", "m")]);

        Assert.Equal(["r|A.X|B.Y"], ArchitectureBaseline.Read(path));
        Assert.Empty(ArchitectureBaseline.Read(Path.Combine(root.Path, "none.json")));
    }
}
