using Tollgate.Ci;
using Tollgate.Evidence;

namespace Tollgate.Tests.Ci;

public sealed class CiEscapingTests
{
    private static readonly CiAnnotation Located = new("Lint", "Use 'var' 100%\nnot: this, that", "src/A,B:C.cs", 7, "IDE0007");

    [Fact]
    public void GitHub_escapes_percent_and_newlines_in_messages_and_also_colons_and_commas_in_properties()
    {
        Assert.Equal("::error file=src/A%2CB%3AC.cs,line=7,title=Lint IDE0007::Use 'var' 100%25%0Anot: this, that", GitHubConsole.Command(Located));
        Assert.Equal("::error title=Coverage::below 70 %25", GitHubConsole.Command(new CiAnnotation("Coverage", "below 70 %")));
    }

    [Fact]
    public void Azure_escapes_percent_newlines_and_in_properties_semicolons_and_brackets()
    {
        Assert.Equal(
            "##vso[task.logissue type=error;sourcepath=src/A,B:C.cs;linenumber=7;code=IDE0007]Lint: Use 'var' 100%AZP25%0Anot: this, that",
            AzureConsole.Command(Located));
        Assert.Equal("a%3Bb%5D", AzureConsole.Property("a;b]"));
    }

    [Fact]
    public void TeamCity_escapes_with_bars()
    {
        Assert.Equal("it|'s |[x|] a||b|nc|r |0x00e9|0x2192", TeamCityConsole.Escape("it's [x] a|b\nc\r \u00e9\u2192"));
    }

    [Fact]
    public void GitLab_section_names_keep_only_what_gitlab_accepts()
    {
        Assert.Equal("tollgate_architecturetests", GitLabConsole.SectionName("ArchitectureTests"));
        Assert.Equal("tollgate_a_b", GitLabConsole.SectionName("a b"));
    }

    [Fact]
    public void Annotations_cover_failing_gates_only_reasons_first_then_located_unsuppressed_findings()
    {
        var findings = new List<Finding>
        {
            new Finding { Kind = "lint", Message = "bad", File = "a.cs", Line = 1, Rule = "X1" },
            new Finding { Kind = "lint", Message = "no file" },
            new Finding
            {
                Kind = "secret",
                Message = "allowed",
                File = "b.cs",
                Line = 2,
                Rule = "aws", SuppressedBy = "allowed secret" },
        };
        for (var i = 0; i < CiAnnotation.FindingsPerGate + 5; i++)
        {
            findings.Add(new Finding { Kind = "lint", Message = $"more {i}", File = "c.cs", Line = i + 1, Rule = "X2" });
        }

        var failed = new GateResult("Lint", GateStatus.Failed, "h", ["57 violations"], new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, string>(), findings);
        var passed = failed with { Gate = "Test", Status = GateStatus.Passed };

        var annotations = CiAnnotation.From([failed, passed]);

        Assert.Equal(new CiAnnotation("Lint", "57 violations"), annotations[0]);
        Assert.Equal(new CiAnnotation("Lint", "bad", "a.cs", 1, "X1"), annotations[1]);
        Assert.Equal(1 + CiAnnotation.FindingsPerGate, annotations.Count);
        Assert.DoesNotContain(annotations, a => a.Gate == "Test" || a.Message == "allowed");
    }
}
