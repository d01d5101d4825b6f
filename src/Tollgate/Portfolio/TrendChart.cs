using System.Globalization;
using System.Net;
using System.Text;

namespace Tollgate.Portfolio;

/// <summary>
/// One metric's weekly trend as an inline SVG: a line through the weeks that have a value (broken where a week has none), a
/// point per such week coloured by its rating and titled with its week and value, and the target as a dashed line. Nothing
/// is loaded from anywhere; <c>data-</c> attributes carry the metric, each point's week and value for scripts and tests.
/// </summary>
internal static class TrendChart
{
    private const double Width = 360, Height = 140, Left = 44, Right = 10, Top = 12, Bottom = 24;

    /// <summary>The chart of <paramref name="values"/>, a value per week from the week starting at <paramref name="firstWeek"/>.</summary>
    public static string Svg(string metric, IReadOnlyList<double?> values, DateTimeOffset firstWeek, MetricTarget target)
    {
        var known = values.Where(v => v is not null).Select(v => v!.Value).Append(target.Target).ToList();
        var (low, high) = (Math.Min(0, known.Min()), known.Max());
        high = target.Unit == "%" && high <= 100 ? 100 : high <= low ? low + 1 : high + ((high - low) * 0.08); // a share is drawn on 0–100
        double X(int week) => Left + ((Width - Left - Right) * (values.Count == 1 ? 0.5 : (double)week / (values.Count - 1)));
        double Y(double value) => Top + ((Height - Top - Bottom) * (1 - ((value - low) / (high - low))));
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" class="trend" data-metric="{metric}" viewBox="0 0 {Width} {Height}" width="{Width}" height="{Height}" role="img" aria-label="{metric} per week">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="axis" x1="{Left}" y1="{Height - Bottom}" x2="{Width - Right}" y2="{Height - Bottom}"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="tick" x="{Left - 4}" y="{Y(high) + 4:0.#}" text-anchor="end">{Number(high)}</text><text class="tick" x="{Left - 4}" y="{Y(low) + 4:0.#}" text-anchor="end">{Number(low)}</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="target" x1="{Left}" y1="{Y(target.Target):0.#}" x2="{Width - Right}" y2="{Y(target.Target):0.#}"><title>target {Number(target.Target)}</title></line>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="tick" x="{Left}" y="{Height - 6}">{firstWeek:MMM d}</text><text class="tick" x="{Width - Right}" y="{Height - 6}" text-anchor="end">{firstWeek.AddDays(7 * (values.Count - 1)):MMM d}</text>""");
        var path = new StringBuilder();
        var pen = 'M';
        for (var week = 0; week < values.Count; week++)
        {
            if (values[week] is { } value)
            {
                path.Append(CultureInfo.InvariantCulture, $"{pen}{X(week):0.#},{Y(value):0.#} ");
                pen = 'L';
            }
            else
            {
                pen = 'M';
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<path class="line" d="{path.ToString().TrimEnd()}"/>""");
        for (var week = 0; week < values.Count; week++)
        {
            if (values[week] is { } value)
            {
                var at = firstWeek.AddDays(7 * week);
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<circle class="point {target.Rating(value)}" cx="{X(week):0.#}" cy="{Y(value):0.#}" r="3.5" data-week="{at:yyyy-MM-dd}" data-value="{value:0.##}"><title>week of {at:yyyy-MM-dd}: {WebUtility.HtmlEncode(Number(value))}</title></circle>""");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
