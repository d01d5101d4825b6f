using Tollgate.Gates.Lint;

namespace Tollgate.Tests.Gates;

public class LintGateTests
{
    private static readonly LintPolicy Default = new(["error", "warning"]);
    private static readonly Dictionary<string, string> Tools = new() { ["dotnet-format"] = "10.0.401" };

    [Fact]
    public void Passes_without_diagnostics()
    {
        var result = LintGate.Evaluate([], [], Default, Tools);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Equal("0 violations", result.Headline);
    }

    [Fact]
    public void Fails_on_a_warning_listing_file_line_rule_and_message()
    {
        var result = LintGate.Evaluate([new("src/A.cs", 5, "CS0219", "unused variable", "warning", "build")], [], Default, Tools);

        Assert.Equal(GateStatus.Failed, result.Status);
        Assert.Equal("1 violation", result.Headline);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("src/A.cs", 5, "CS0219", "unused variable"), (finding.File, finding.Line, finding.Rule, finding.Message));
    }

    [Fact]
    public void Severities_outside_the_policy_are_listed_but_pass()
    {
        var result = LintGate.Evaluate([new("src/A.cs", 5, "CA1822", "could be static", "note", "build")], [], Default, Tools);

        Assert.Equal(GateStatus.Passed, result.Status);
        Assert.Single(result.Findings);
        Assert.Equal(1, result.Metrics["note"]);
        Assert.Equal(0, result.Metrics["violations"]);
    }

    [Fact]
    public void A_policy_of_errors_only_lets_warnings_pass()
    {
        var result = LintGate.Evaluate([new("src/A.cs", 5, "CS0219", "unused", "warning", "build")], [], new LintPolicy(["error"]), Tools);

        Assert.Equal(GateStatus.Passed, result.Status);
    }

    [Fact]
    public void The_same_formatting_problem_from_build_and_format_counts_once()
    {
        var result = LintGate.Evaluate(
            [
                new("src/A.cs", 5, "IDE0055", "Fix formatting", "warning", "build"),
                new("src/A.cs", 5, "WHITESPACE", "Fix whitespace formatting", "warning", "format"),
                new("src/A.cs", 6, "WHITESPACE", "Fix whitespace formatting", "warning", "format"),
            ],
            [], Default, Tools);

        Assert.Equal(2, result.Metrics["violations"]);
    }

    [Fact]
    public void A_missing_compiler_log_is_an_error_never_a_pass()
    {
        var result = LintGate.Evaluate([], ["src/A/A.csproj"], Default, Tools);

        Assert.Equal(GateStatus.Error, result.Status);
        Assert.Contains("no compiler log for src/A/A.csproj", result.Reasons[0], StringComparison.Ordinal);
    }
}
