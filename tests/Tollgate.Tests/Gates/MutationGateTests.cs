using Tollgate.Gates.Mutation;
using Tollgate.Tools.Stryker;

namespace Tollgate.Tests.Gates;

public class MutationGateTests
{
    private static readonly Dictionary<string, string> Tools = new() { ["dotnet-stryker"] = "5.1.0" };
    private static readonly MutationPolicy Default = new(70, false, null);

    private static MutationRun Run(int exitCode = 0, params (string Status, int Count)[] statuses) => new(
        "src/Shop/Shop.csproj",
        exitCode,
        statuses.SelectMany(s => Enumerable.Range(0, s.Count).Select(i => new Mutant($"src/Shop/{s.Status}.cs", i + 1, "Equality mutation", s.Status, "a < b", "a <= b"))).ToList(),
        null);

    [Fact]
    public void Score_counts_killed_and_timeout_over_every_valid_mutant_and_ignores_the_rest()
    {
        var result = MutationGate.Evaluate(
            [Run(0, ("Killed", 6), ("Timeout", 1), ("Survived", 2), ("NoCoverage", 1), ("CompileError", 5), ("RuntimeError", 3), ("Ignored", 9))], Default, Tools);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal(70, result.Metrics["score"]);
        Assert.Equal(10, result.Metrics["valid"]);
        Assert.Equal("70 % (7/10 mutants)", result.Headline);
    }

    [Fact]
    public void Below_the_threshold_fails_and_lists_every_undetected_mutant_after_the_hotspots()
    {
        var result = MutationGate.Evaluate([Run(StrykerTool.BelowBreak, ("Killed", 2), ("Survived", 2), ("NoCoverage", 1))], Default, Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Equal("mutation score 40 % (2/5) is below 70 %: 3 mutants were not detected", result.Reasons[0]);
        Assert.Equal(["hotspot", "hotspot", "no-coverage", "survived", "survived"], result.Findings.Select(f => f.Kind));
        Assert.Equal(("src/Shop/Survived.cs", "2 undetected mutants"), (result.Findings[0].File, result.Findings[0].Message));
        Assert.Equal("a < b → a <= b", result.Findings[^1].Message);
        Assert.Equal(2, result.Findings[^1].Line);
    }

    [Fact]
    public void A_score_that_rounds_to_the_threshold_still_fails()
    {
        // 1399/2000 = 69.95 % prints as 70 % when rounded to one decimal.
        var result = MutationGate.Evaluate([Run(0, ("Killed", 1399), ("Survived", 601))], Default, Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
    }

    [Fact]
    public void Stryker_failing_is_an_error_not_a_low_score()
    {
        var crashed = MutationGate.Evaluate([new MutationRun("src/Shop/Shop.csproj", 1, null, "Build failed")], Default, Tools);
        var errored = MutationGate.Evaluate([Run(1, ("Killed", 10))], Default, Tools);

        Assert.Equal(GateStatus.Error, crashed.Status);
        Assert.Contains("Stryker failed on src/Shop/Shop.csproj (exit 1, no report): Build failed", crashed.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(GateStatus.Error, errored.Status);
    }

    [Fact]
    public void Nothing_to_mutate_fails_unless_the_scope_is_empty_on_purpose()
    {
        var empty = Run(0, ("Ignored", 4), ("CompileError", 1));

        var result = MutationGate.Evaluate([empty], Default, Tools);
        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.StartsWith("nothing to mutate", result.Reasons[0], StringComparison.Ordinal);
        Assert.Equal(GateStatus.Passed, MutationGate.Evaluate([empty], Default with { EmptyScopeAllowed = true }, Tools).Status);
        Assert.Equal(GateStatus.Error, MutationGate.Evaluate([], Default, Tools).Status);
    }

    [Fact]
    public void An_incremental_run_says_against_what()
    {
        var result = MutationGate.Evaluate([Run(0, ("Killed", 3), ("Ignored", 40))], Default with { Since = "origin/main" }, Tools);

        Assert.Equal("100 % (3/3 mutants) (incremental since origin/main)", result.Headline);
        Assert.Equal(1, result.Metrics["incremental"]);
    }
}
