using System.Text.RegularExpressions;
using Tollgate.Portfolio;
using Tollgate.Tests.Support;
using Xunit.Abstractions;

namespace Tollgate.Tests.Portfolio;

/// <summary>
/// The dashboard as people see it: rendered by a real browser (Debian's chromium, headless), read back from the DOM it
/// built, and kept as a screenshot in the test output (<c>screenshots/dashboard.png</c>), which the README shows.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class DashboardBrowserTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory scratch = new(withNuke: false);

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task The_portfolio_page_shows_each_value_rated_against_its_target_and_one_chart_per_metric_with_its_points()
    {
        var targets = PortfolioTargets.Load();
        ProjectMetric Metric(string project, string metric, double? value, string? environment = null) => new(project, metric, environment, value, targets[metric], "counted");
        var metrics = new List<ProjectMetric>
        {
            Metric("shop", PortfolioTargets.PipelineSuccessRate, 95), Metric("shop", PortfolioTargets.Coverage, 82.5), Metric("shop", PortfolioTargets.MutationScore, null),
            Metric("shop", PortfolioTargets.SecurityPassRate, 75), Metric("shop", PortfolioTargets.DeploymentsPerWeek, 5, "prod"), Metric("shop", PortfolioTargets.DeploymentsPerWeek, 0.25, "staging"),
            Metric("shop", PortfolioTargets.ChangeFailureRate, 5, "prod"), Metric("shop", PortfolioTargets.TimeToRecoveryMinutes, 40, "prod"), Metric("shop", PortfolioTargets.LeadTimeHours, 4, "prod"),
            Metric("cart", PortfolioTargets.PipelineSuccessRate, 91), Metric("cart", PortfolioTargets.Coverage, 60),
            Metric(DeliveryMetrics.Portfolio, PortfolioTargets.PipelineSuccessRate, 93), Metric(DeliveryMetrics.Portfolio, PortfolioTargets.ChangeFailureRate, 12),
        };
        // Four weeks per metric; each metric's second week has no value, so each chart has three points.
        var trends = Dashboard.Columns.Select((metric, i) => new MetricTrend(metric, [10.0 + i, null, 20.0 + i, 30.0 + i],
            new Dictionary<string, IReadOnlyList<double?>> { ["shop"] = [1.0, 2.0, null, 4.0] })).ToList();
        var compliance = new ComplianceReport(
            [new ProjectCompliance("shop", "shop", End, "1.2.3", []), new ProjectCompliance("cart", "cart", End, "1.0.0", ["Tollgate 1.0.0 is behind the newest, 1.2.3"]),
                new ProjectCompliance("search", null, null, null, ["no evidence at all: no bundle of it was ingested"])],
            [], ["search"], "1.2.3");
        foreach (var (path, html) in Dashboard.Pages(metrics, trends, compliance, targets, End, TimeSpan.FromDays(7), 4))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(scratch.Path, path))!);
            await File.WriteAllTextAsync(Path.Combine(scratch.Path, path), html);
        }

        var dom = await RenderedAsync("dashboard.html");

        var shop = Row().Match(dom);
        Assert.True(shop.Success, dom);
        var cells = Cell().Matches(shop.Value).ToDictionary(c => c.Groups["metric"].Value, c => (Rating: c.Groups["rating"].Value, Text: c.Groups["text"].Value));
        Assert.Equal(("green", "95 %"), cells[PortfolioTargets.PipelineSuccessRate]);
        Assert.Equal(("green", "82.5 %"), cells[PortfolioTargets.Coverage]);
        Assert.Equal(("grey", "—"), cells[PortfolioTargets.MutationScore]);
        Assert.Equal(("red", "75 %"), cells[PortfolioTargets.SecurityPassRate]);
        Assert.Equal(("red", "prod: 5 per week<br>staging: 0.25 per week"), cells[PortfolioTargets.DeploymentsPerWeek]); // the worst environment rates the cell
        Assert.Contains("data-compliance=\"compliant\"", shop.Value, StringComparison.Ordinal);
        Assert.Contains("<li data-registered-without-evidence=\"search\">", dom, StringComparison.Ordinal);
        Assert.Contains("1 of 3</span> registered projects compliant", dom, StringComparison.Ordinal);

        var portfolio = Regex.Match(dom, "<tr data-project=\"\\(portfolio\\)\" class=\"portfolio\">.*?</tr>", RegexOptions.Singleline);
        Assert.True(portfolio.Success, dom);
        var figures = Cell().Matches(portfolio.Value).ToDictionary(c => c.Groups["metric"].Value, c => (Rating: c.Groups["rating"].Value, Text: c.Groups["text"].Value));
        Assert.Equal(("amber", "93 %"), figures[PortfolioTargets.PipelineSuccessRate]);
        Assert.Equal(("red", "12 %"), figures[PortfolioTargets.ChangeFailureRate]);
        Assert.False(File.Exists(Path.Combine(scratch.Path, "projects", "(portfolio).html"))); // the portfolio is no project

        var charts = Chart().Matches(dom).ToList();
        Assert.Equal(Dashboard.Columns, charts.Select(c => c.Groups["metric"].Value));
        foreach (var (chart, i) in charts.Select((c, i) => (c, i)))
        {
            Assert.Equal([$"{10 + i}", $"{20 + i}", $"{30 + i}"], Point().Matches(chart.Value).Select(p => p.Groups["value"].Value));
        }

        var page = await RenderedAsync("projects/shop.html");
        Assert.Equal(8, Chart().Matches(page).Count);
        Assert.Equal(["1", "2", "4"], Point().Matches(Chart().Matches(page)[0].Value).Select(p => p.Groups["value"].Value));
        Assert.Contains("<span class=\"badge green\">compliant</span>", page, StringComparison.Ordinal);
        Assert.Contains("not compliant<ul class=\"reasons\"><li>Tollgate 1.0.0 is behind the newest, 1.2.3</li>", await RenderedAsync("dashboard.html"), StringComparison.Ordinal);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);
        var shot = await ChromiumAsync($"--screenshot={screenshot}", "--window-size=1400,1100", "--hide-scrollbars", new Uri(Path.Combine(scratch.Path, "dashboard.html")).AbsoluteUri);
        Assert.True(File.Exists(screenshot), shot.Error);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(screenshot)[..4]);
        output.WriteLine($"Screenshot: {screenshot}");
    }

    private async Task<string> RenderedAsync(string page)
    {
        var dom = await ChromiumAsync("--dump-dom", new Uri(Path.Combine(scratch.Path, page)).AbsoluteUri);
        Assert.True(dom.ExitCode == 0 && dom.Output.Contains("</html>", StringComparison.Ordinal), $"chromium exited {dom.ExitCode}: {dom.Error}");
        return dom.Output;
    }

    // Headless, as root (no sandbox), with a profile of its own, reading nothing but the file.
    private Task<Shell> ChromiumAsync(params string[] arguments) => Shell.RunAsync(scratch.Path, "chromium",
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={Path.Combine(scratch.Path, ".chromium")}", .. arguments], TimeSpan.FromMinutes(2));

    [GeneratedRegex("<tr data-project=\"shop\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<td class=\"\\w+\" data-metric=\"(?<metric>\\w+)\" data-rating=\"(?<rating>\\w+)\"[^>]*>(?<text>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<svg [^>]*class=\"trend\" data-metric=\"(?<metric>\\w+)\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Chart();

    [GeneratedRegex("<circle class=\"point \\w+\"[^>]* data-value=\"(?<value>[^\"]+)\"")]
    private static partial Regex Point();
}
