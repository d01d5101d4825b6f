using Tollgate.Gates.ArchitectureTests;
using Tollgate.Gates.Coverage;
using Tollgate.Gates.Lint;
using Tollgate.Gates.Mutation;
using Tollgate.Gates.Test;
using Tollgate.Tools.Cobertura;
using Tollgate.Tools.Stryker;
using Tollgate.Tools.Trx;

namespace Tollgate.Tests.Gates;

/// <summary>
/// What each gate writes into the evidence: metric and threshold names, finding kinds and severities,
/// headlines and reasons word for word (plurals included). Readers of the evidence rely on all of it.
/// </summary>
public class GateContractTests
{
    private static readonly Dictionary<string, string> Tools = new() { ["tool"] = "1.0" };

    [Fact]
    public void Architecture_gate_names_its_figures_and_findings()
    {
        var one = new ArchitectureViolation("r1", "A.X", "B.Y", "method M", "A.X depends on B.Y");
        var two = new ArchitectureViolation("r2", "A.Z", "B.Y", "field f", "A.Z depends on B.Y");
        var old = new ArchitectureViolation("r1", "A.Old", "B.Y", "attribute", "A.Old depends on B.Y");

        var result = ArchitectureGate.Evaluate([one, two, old], new HashSet<string> { old.Key }, 3, 40, Tools);

        Assert.Equal("2 violations (3 rules), 1 known", result.Headline);
        Assert.Equal(["2 violations of 2 rules"], result.Reasons);
        Assert.Equal(new Dictionary<string, double> { ["violations"] = 2, ["known"] = 1, ["fixedSinceFreeze"] = 0, ["rules"] = 3, ["types"] = 40 }, result.Metrics);
        Assert.Equal(new Dictionary<string, double> { ["violations"] = 0 }, result.Thresholds);
        Assert.Equal(
            [("violation", "error", "r1"), ("violation", "error", "r2"), ("known-violation", "note", "r1")],
            result.Findings.Select(f => (f.Kind, f.Severity, f.Rule)));
        Assert.Equal("type A.X; dependency B.Y; found in method M", result.Findings[0].Detail);
        Assert.Equal("A.X depends on B.Y", result.Findings[0].Message);

        var single = ArchitectureGate.Evaluate([one], new HashSet<string>(), 1, 40, Tools);
        Assert.Equal("1 violation (1 rules)", single.Headline);
        Assert.Equal(["1 violation of 1 rule"], single.Reasons);
        Assert.Equal("0 violations (1 rules)", ArchitectureGate.Evaluate([], new HashSet<string>(), 1, 40, Tools).Headline);
        Assert.Equal(
            ["no architecture rules: write .nuke/architecture.json (see architecture.schema.json)", "no types to check: no assembly was found to read"],
            ArchitectureGate.Evaluate([], new HashSet<string>(), 0, 0, Tools).Reasons);
    }

    [Fact]
    public void Mutation_gate_counts_every_status_by_name()
    {
        var mutants = new[] { "Killed", "Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "RuntimeError", "Ignored", "Ignored" }
            .Select((status, i) => new Mutant("src/A.cs", i + 1, "Equality mutation", status, "a", "b")).ToList();

        var result = MutationGate.Evaluate([new MutationRun("src/A.csproj", 0, mutants, null)], new MutationPolicy(50, false, null), Tools);

        Assert.Equal(new Dictionary<string, double>
        {
            ["killed"] = 2,
            ["timeout"] = 1,
            ["survived"] = 1,
            ["nocoverage"] = 1,
            ["compileerror"] = 1,
            ["runtimeerror"] = 1,
            ["ignored"] = 2,
            ["valid"] = 5,
            ["incremental"] = 0,
            ["score"] = 60,
        }, result.Metrics);
        Assert.Equal(new Dictionary<string, double> { ["score"] = 50 }, result.Thresholds);
        Assert.Empty(result.Reasons);
        var hotspot = result.Findings[0];
        Assert.Equal(("hotspot", "undetected-mutants", "2 undetected mutants", "src/A.cs"), (hotspot.Kind, hotspot.Rule, hotspot.Message, hotspot.File));
        Assert.Equal(("survived", "Survived"), (result.Findings[1].Kind, result.Findings[1].Detail));
        Assert.Equal(("no-coverage", "NoCoverage"), (result.Findings[2].Kind, result.Findings[2].Detail));

        var single = MutationGate.Evaluate([new MutationRun("p", 0, [mutants[0], mutants[3]], null)], new MutationPolicy(10, false, null), Tools);
        Assert.Equal("1 undetected mutant", single.Findings[0].Message);
    }

    [Fact]
    public void Mutation_gate_explains_empty_scopes_and_failures_in_words()
    {
        var ignored = new MutationRun("p", 0, [new Mutant("src/A.cs", 1, "m", "Ignored", "a", "b")], null);

        var full = MutationGate.Evaluate([ignored], new MutationPolicy(70, false, null), Tools);
        Assert.Equal("nothing to mutate", full.Headline);
        Assert.Equal(["nothing to mutate: the scope holds no valid mutant (set --mutation-empty-scope-allowed if that is intended)"], full.Reasons);
        var incremental = MutationGate.Evaluate([ignored], new MutationPolicy(70, false, "origin/main"), Tools);
        Assert.Equal("nothing to mutate (incremental since origin/main)", incremental.Headline);
        Assert.Equal(["nothing to mutate: no code changed since origin/main (set --mutation-empty-scope-allowed if that is intended)"], incremental.Reasons);
        Assert.Equal("no mutants (scope empty on purpose)", MutationGate.Evaluate([ignored], new MutationPolicy(70, true, null), Tools).Headline);

        var none = MutationGate.Evaluate([], new MutationPolicy(70, false, null), Tools);
        Assert.Equal(("Stryker did not finish", "no project to mutate: no non-test project is referenced by a test project (or --mutation-projects names none)"), (none.Headline, none.Reasons.Single()));
        var finishedWithError = MutationGate.Evaluate([new MutationRun("p", 1, [], "boom")], new MutationPolicy(70, false, null), Tools);
        Assert.Equal("Stryker failed on p (exit 1): boom", finishedWithError.Reasons.Single());
    }

    [Fact]
    public void Coverage_gate_names_its_figures_and_findings()
    {
        var result = CoverageGate.Evaluate(new CoverageCounts(90, 100, 3, 4), [new FileCoverage("src/A.cs", 1, 3)], new CoveragePolicy(70, 50, 0.5), null, Tools);

        Assert.Equal(new Dictionary<string, double> { ["linesCovered"] = 90, ["linesValid"] = 100, ["branchesCovered"] = 3, ["branchesValid"] = 4, ["line"] = 90, ["branch"] = 75 }, result.Metrics);
        Assert.Equal(new Dictionary<string, double> { ["line"] = 70, ["tolerance"] = 0.5, ["branch"] = 50 }, result.Thresholds);
        Assert.Equal("90 % lines", result.Headline);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("uncovered", "uncovered-lines", "2 of 3 lines not covered"), (finding.Kind, finding.Rule, finding.Message));
        Assert.Equal("no coverage data", CoverageGate.Evaluate(null, [], new CoveragePolicy(70, null, 0.5), null, Tools).Headline);
        Assert.Equal("0 coverable lines", CoverageGate.Evaluate(new CoverageCounts(0, 0, 0, 0), [], new CoveragePolicy(70, null, 0.5), null, Tools).Headline);
        Assert.Equal("line coverage 69.5 % (139/200) is below 70 %", CoverageGate.Evaluate(new CoverageCounts(139, 200, 0, 0), [], new CoveragePolicy(70, null, 0.5), null, Tools).Reasons.Single());
    }

    [Theory]
    [InlineData(84.5, GateStatus.Passed)]   // a drop of exactly the tolerance is allowed
    [InlineData(84.4, GateStatus.Failed)]
    public void Coverage_ratchet_allows_a_drop_of_exactly_the_tolerance(double current, GateStatus expected) =>
        Assert.Equal(expected, CoverageGate.Evaluate(new CoverageCounts((long)(current * 10), 1000, 0, 0), [], new CoveragePolicy(70, null, 0.5), new CoverageBaseline(85, "b"), Tools).Status);

    [Theory]
    [InlineData(5, GateStatus.Passed)]  // exactly 50 % meets a 50 % branch threshold
    [InlineData(4, GateStatus.Failed)]
    public void Branch_threshold_is_met_exactly(long covered, GateStatus expected) =>
        Assert.Equal(expected, CoverageGate.Evaluate(new CoverageCounts(100, 100, covered, 10), [], new CoveragePolicy(70, 50, 0.5), null, Tools).Status);

    [Fact]
    public void Without_branches_a_branch_threshold_does_not_fail_and_no_branch_figure_is_made_up()
    {
        var result = CoverageGate.Evaluate(new CoverageCounts(100, 100, 0, 0), [], new CoveragePolicy(70, 50, 0.5), null, Tools);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.False(result.Metrics.ContainsKey("branch"));
    }

    [Fact]
    public void Lint_gate_names_its_figures_and_keeps_the_worse_severity_of_a_duplicate()
    {
        var result = LintGate.Evaluate(
            [
                new("src/A.cs", 3, "CA2000", "dispose", "warning", "format"),
                new("src/A.cs", 3, "CA2000", "dispose", "error", "build"),
                new("src/B.cs", 1, "CA1822", "static", "note", "build"),
                new("src/C.cs", 2, "IDE0005", "using", "warning", "build"),
            ],
            [], new LintPolicy(["error", "warning"]), Tools);

        Assert.Equal(new Dictionary<string, double> { ["violations"] = 2, ["diagnostics"] = 3, ["error"] = 1, ["warning"] = 1, ["note"] = 1 }, result.Metrics);
        Assert.Equal(new Dictionary<string, double> { ["violations"] = 0 }, result.Thresholds);
        Assert.Equal(["2 violations at severity error or warning"], result.Reasons);
        Assert.Equal(("lint", "error", "build"), (result.Findings[0].Kind, result.Findings[0].Severity, result.Findings[0].Detail));
        Assert.Equal(["src/A.cs", "src/B.cs", "src/C.cs"], result.Findings.Select(f => f.File));

        var missing = LintGate.Evaluate([], ["a.csproj", "b.csproj"], new LintPolicy(["error"]), Tools);
        Assert.Equal("compiler log missing", missing.Headline);
        Assert.StartsWith("no compiler log for a.csproj, b.csproj;", missing.Reasons.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_gate_treats_only_whitespace_as_the_same_as_formatting()
    {
        var result = LintGate.Evaluate(
            [new("src/A.cs", 3, "IDE0055", "fmt", "warning", "build"), new("src/A.cs", 3, "IDE0005", "using", "warning", "format")],
            [], new LintPolicy(["warning"]), Tools);

        Assert.Equal(2, result.Metrics["violations"]);
        Assert.Equal("2 violations", result.Headline);
    }

    [Fact]
    public void Test_gate_names_its_figures_and_counts_errors_timeouts_and_aborts_as_failures()
    {
        var tests = new[] { "Passed", "Failed", "Error", "Timeout", "Aborted", "NotExecuted", "Inconclusive" }
            .Select(o => new TrxTestCase("T." + o, o, TimeSpan.Zero, o == "Passed" ? null : "why", "at X")).ToList();

        var result = TestGate.Evaluate([new TestProjectOutcome("t.csproj", 1, new TrxResults(tests, TimeSpan.Zero), null)], Tools);

        Assert.Equal(new Dictionary<string, double> { ["passed"] = 1, ["failed"] = 4, ["skipped"] = 2, ["projects"] = 1, ["runs"] = 1 }, result.Metrics);
        Assert.Equal(new Dictionary<string, double> { ["failed"] = 0 }, result.Thresholds);
        Assert.Equal(["4 tests failed"], result.Reasons);
        Assert.All(result.Findings, f => Assert.Equal("test-failure", f.Kind));
        Assert.Equal(["T.Failed", "T.Error", "T.Timeout", "T.Aborted"], result.Findings.Select(f => f.Rule));
        Assert.Equal(["1 test failed"], TestGate.Evaluate([new TestProjectOutcome("t.csproj", 1, new TrxResults(tests.Take(2).ToList(), TimeSpan.Zero), null)], Tools).Reasons);
    }

    [Fact]
    public void Test_gate_describes_crashes_and_empty_runs_word_for_word()
    {
        var crash = TestGate.Evaluate([new TestProjectOutcome("t.csproj", 134, null, "tail")], Tools);
        Assert.Equal(["t.csproj crashed: dotnet test exited 134 without writing test results", "no tests ran"], crash.Reasons);
        Assert.Equal(("test-crash", "t.csproj exited 134 without results", "t.csproj"), (crash.Findings[0].Kind, crash.Findings[0].Message, crash.Findings[0].File));

        var passedButExited = TestGate.Evaluate([new TestProjectOutcome("t.csproj", 1, new TrxResults([new("A", "Passed", TimeSpan.Zero, null, null)], TimeSpan.Zero), "tail")], Tools);
        Assert.Equal(("test-crash", "t.csproj exited 1", "tail"), (passedButExited.Findings[0].Kind, passedButExited.Findings[0].Message, passedButExited.Findings[0].Detail));

        Assert.Equal(["no test projects found (a test project has IsTestProject=true, as Microsoft.NET.Test.Sdk sets, or is a Microsoft.Testing.Platform test application: IsTestingPlatformApplication=true)"], TestGate.Evaluate([], Tools).Reasons);

        // A crashed test host: its first error line goes into the reason, so the console says what went wrong.
        var host = TestGate.Evaluate([new TestProjectOutcome("t.csproj", 134, null, "Running tests\n  Error output: Unhandled exception. System.TypeLoadException: Could not load type 'X'.\n   at Y.Main()", "net10.0")], Tools);
        Assert.Equal("t.csproj (net10.0) crashed: dotnet test exited 134 without writing test results: Error output: Unhandled exception. System.TypeLoadException: Could not load type 'X'.", host.Reasons[0]);

        // A test application the gate cannot read is not run; the reason is its problem, word for word, not a crash.
        var unrun = TestGate.Evaluate([new TestProjectOutcome("t.csproj", -1, null, null, "net10.0", "t.csproj has no TRX reporter: add one.")], Tools);
        Assert.Equal(["t.csproj has no TRX reporter: add one.", "no tests ran"], unrun.Reasons);
        Assert.Equal(("test-setup", "t.csproj"), (unrun.Findings[0].Kind, unrun.Findings[0].File));
        Assert.DoesNotContain("crashed", unrun.Headline, StringComparison.Ordinal);
    }
}
