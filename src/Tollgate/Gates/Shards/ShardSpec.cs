using System.Globalization;

namespace Tollgate.Gates.Shards;

/// <summary>Which part of a split run this agent does: shard <see cref="Index"/> (1-based) of <see cref="Total"/>.</summary>
internal sealed record ShardSpec(int Index, int Total)
{
    /// <summary>The whole run on one agent.</summary>
    public static readonly ShardSpec Whole = new(1, 1);

    /// <summary>Whether the run is split at all.</summary>
    public bool IsSplit => Total > 1;

    /// <summary>Whether this shard runs the cheap, global gates (Lint, ArchitectureTests, SecurityScan): the first one.</summary>
    public bool RunsGlobalGates => Index == 1;

    /// <summary>Reads <c>i/N</c>; <paramref name="source"/> names where it came from in the error.</summary>
    /// <exception cref="FormatException">Not <c>i/N</c> with 1 ≤ i ≤ N.</exception>
    public static ShardSpec Parse(string text, string source = "--shard")
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            && total >= 1 && index >= 1 && index <= total)
        {
            return new ShardSpec(index, total);
        }

        throw new FormatException($"{source} '{text}' is not a shard: write i/N with 1 ≤ i ≤ N, e.g. 2/3 for the second of three agents.");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Total}";
}
