namespace Tollgate.Tools.Dotnet;

/// <summary>How a Microsoft.Testing.Platform test application reports and which of its tests run.</summary>
/// <param name="TrxOption">The option that writes its TRX file: <c>--report-trx</c> (Microsoft's extension) or <c>--report-xunit-trx</c> (xunit.v3's own).</param>
/// <param name="Coverlet">Whether coverlet.MTP is in the application, so <c>--coverlet</c> collects coverage.</param>
/// <param name="Filter">The platform's filter options (a shard's test classes); empty: all tests.</param>
/// <param name="Application">The built application to run itself, from its output folder, as <c>dotnet test</c> runs it; null: through <c>dotnet test</c>.</param>
/// <param name="Hang">Whether Microsoft's hang extension is in the application, so the hang timeout applies.</param>
internal sealed record PlatformRun(string TrxOption, bool Coverlet, IReadOnlyList<string> Filter, string? Application = null, bool Hang = false)
{
    /// <summary>Equal when the options are, so that the same run is not made twice.</summary>
    public bool Equals(PlatformRun? other) =>
        other is not null && TrxOption == other.TrxOption && Coverlet == other.Coverlet && Filter.SequenceEqual(other.Filter) && Application == other.Application && Hang == other.Hang;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TrxOption, Coverlet, Filter.Count, Application);
}
