namespace Tollgate.Portfolio;

/// <summary>One metric of one project (and environment, for the delivery metrics): its value over the window, its target and rating, and how it was counted.</summary>
/// <param name="Repository">The project.</param>
/// <param name="Metric">The metric's name, as <see cref="PortfolioTargets"/> names it.</param>
/// <param name="Environment">The environment, for the deployment metrics; null for the others.</param>
/// <param name="Value">The value; null when the window holds nothing to count.</param>
/// <param name="Target">The target it is held to.</param>
/// <param name="Detail">How it was counted, for people: <c>19 of 20 Ci runs succeeded</c>.</param>
internal sealed record ProjectMetric(string Repository, string Metric, string? Environment, double? Value, MetricTarget Target, string Detail)
{
    /// <summary>green, amber, red, or grey (no value).</summary>
    public string Rating => Target.Rating(Value);
}
