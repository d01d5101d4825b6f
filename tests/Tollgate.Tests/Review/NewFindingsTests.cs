using Tollgate.Gates.Review;

namespace Tollgate.Tests.Review;

public sealed class NewFindingsTests
{
    private static GateFinding Lint(string file, int line, string content, string message = "Fix formatting") =>
        new("Lint", new Finding
        {
            Kind = "lint",
            Message = message,
            File = file,
            Line = line,
            Rule = "IDE0055",
            Severity = "warning",
            Fingerprint = FindingFingerprint.Of("IDE0055", content)
        });

    [Fact]
    public void Moved_code_and_a_renamed_file_keep_old_findings_old_while_a_changed_line_and_a_second_copy_are_new()
    {
        var baseline = new[]
        {
            Lint("src/Discount.cs", 7, "      return price;"),
            Lint("src/A.cs", 3, "  int x = 1;"),
            Lint("src/B.cs", 5, "  call();"),
        };
        var current = new[]
        {
            Lint("src/Discounts.cs", 9, "      return   price;"), // renamed, moved two lines down; whitespace inside differs
            Lint("src/A.cs", 3, "  int x = 2;"),               // the line changed
            Lint("src/B.cs", 8, "  call();"),                  // moved
            Lint("src/B.cs", 9, "  call();"),                  // a second copy of the old problem
        };

        var fresh = NewFindings.Of(current, baseline, new Dictionary<string, string> { ["src/Discount.cs"] = "src/Discounts.cs" });

        Assert.Equal([("src/A.cs", 3), ("src/B.cs", 9)], fresh.Select(f => (f.Finding.File!, f.Finding.Line!.Value)));
    }

    [Fact]
    public void Of_equal_findings_the_one_on_a_changed_line_is_the_new_one_wherever_it_stands_in_the_gates_order()
    {
        // A mutant repeated on a line the pull request added above an old, unchanged copy: Stryker reports the new one first.
        var baseline = new[] { Lint("src/Price.cs", 20, "  return a * b;") };
        var current = new[] { Lint("src/Price.cs", 12, "  return a * b;"), Lint("src/Price.cs", 21, "  return a * b;") };

        var fresh = NewFindings.Of(current, baseline, new Dictionary<string, string>(), (file, line) => file == "src/Price.cs" && line == 12);
        var blind = NewFindings.Of(current, baseline, new Dictionary<string, string>());

        Assert.Equal([("src/Price.cs", 12)], fresh.Select(f => (f.Finding.File!, f.Finding.Line!.Value)));
        Assert.Equal([("src/Price.cs", 21)], blind.Select(f => (f.Finding.File!, f.Finding.Line!.Value))); // without the diff: the later copy, by count
    }

    [Fact]
    public void Only_problems_count_suppressed_and_informational_findings_do_not()
    {
        var problems = NewFindings.Problems(
        [
            ("Lint", [new Finding { Kind = "lint", Message = "x", File = "a.cs", Line = 1, Rule = "IDE0055" }]),
            ("Coverage", [new Finding { Kind = "uncovered", Message = "1 of 6 lines not covered", File = "a.cs" }]),
            ("Mutation", [new Finding { Kind = "hotspot", Message = "2 undetected mutants", File = "a.cs" }, new Finding
            {
                Kind = "survived",
                Message = "a → b",
                File = "a.cs",
                Line = 4,
                Rule = "Equality mutation",
            }]),
            ("SecurityScan", [new Finding
            {
                Kind = "vulnerability",
                Message = "CVE",
                Rule = "CVE-1", SuppressedBy = "suppression" }, new Finding
            {
                Kind = "vulnerability",
                Message = "CVE",
                Rule = "CVE-2",
            }]),
        ]);

        Assert.Equal(["Lint IDE0055", "Mutation Equality mutation", "SecurityScan CVE-2"], problems.Select(p => $"{p.Gate} {p.Finding.Rule}"));
    }

    [Fact]
    public void A_fingerprint_is_the_rule_and_the_line_s_content_with_whitespace_collapsed()
    {
        Assert.Equal(FindingFingerprint.Of("R", "a  =\tb;"), FindingFingerprint.Of("R", "  a = b;  "));
        Assert.NotEqual(FindingFingerprint.Of("R", "a = b;"), FindingFingerprint.Of("S", "a = b;"));
        Assert.NotEqual(FindingFingerprint.Of("R", "a = b;"), FindingFingerprint.Of("R", "a = c;"));
    }
}
