using System.Globalization;
using System.Xml.Linq;

namespace Tollgate.Evidence;

/// <summary>
/// Renders test results as JUnit XML (<c>testsuites/testsuite/testcase</c> with <c>failure</c> and <c>skipped</c>),
/// the form Jenkins, GitLab, Bitbucket and CircleCI read. A suite that crashed gets an <c>error</c> case.
/// </summary>
internal static class JUnitExporter
{
    /// <summary>The XML text.</summary>
    public static string Render(IReadOnlyList<JUnitSuite> suites)
    {
        var root = new XElement("testsuites",
            new XAttribute("tests", suites.Sum(s => Count(s))),
            new XAttribute("failures", suites.Sum(s => s.Cases.Count(c => c.Outcome == "failed"))),
            new XAttribute("errors", suites.Count(s => s.Error is not null)),
            new XAttribute("skipped", suites.Sum(s => s.Cases.Count(c => c.Outcome == "skipped"))));
        foreach (var suite in suites)
        {
            var element = new XElement("testsuite",
                new XAttribute("name", suite.Name),
                new XAttribute("tests", Count(suite)),
                new XAttribute("failures", suite.Cases.Count(c => c.Outcome == "failed")),
                new XAttribute("errors", suite.Error is null ? 0 : 1),
                new XAttribute("skipped", suite.Cases.Count(c => c.Outcome == "skipped")),
                new XAttribute("time", Seconds(suite.Cases.Sum(c => c.Seconds))));
            foreach (var test in suite.Cases.OrderBy(c => c.ClassName, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal))
            {
                var @case = new XElement("testcase", new XAttribute("classname", test.ClassName), new XAttribute("name", test.Name), new XAttribute("time", Seconds(test.Seconds)));
                if (test.Outcome == "failed")
                {
                    @case.Add(new XElement("failure", new XAttribute("message", test.Message ?? "failed"), test.Detail ?? ""));
                }
                else if (test.Outcome == "skipped")
                {
                    @case.Add(new XElement("skipped"));
                }

                element.Add(@case);
            }

            if (suite.Error is not null)
            {
                element.Add(new XElement("testcase", new XAttribute("classname", suite.Name), new XAttribute("name", "(test run)"), new XAttribute("time", "0"),
                    new XElement("error", new XAttribute("message", suite.Error))));
            }

            root.Add(element);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    private static int Count(JUnitSuite suite) => suite.Cases.Count + (suite.Error is null ? 0 : 1);

    private static string Seconds(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture);
}
