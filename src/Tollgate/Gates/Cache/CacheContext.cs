namespace Tollgate.Gates.Cache;

/// <summary>What a gate needs to reuse results: the run's cache, the digests of the repository's sources (each file read once per run), and Tollgate's own identity (its version and the build of its assembly), which is in every key.</summary>
/// <param name="Cache">The run's result cache.</param>
/// <param name="Sources">The repository's source digests.</param>
/// <param name="Tollgate">Tollgate's version and assembly identity.</param>
internal sealed record CacheContext(ResultCache Cache, SourceDigests Sources, string Tollgate)
{
    /// <summary>The ingredients every unit of every gate has: Tollgate itself.</summary>
    public KeyIngredients Base(string gate) => new KeyIngredients().Add("tollgate", Tollgate).Add("gate", gate);

    /// <summary>Reused units' summary for a headline: <c>412 reused from 1a2b3c4</c>, or <c>… from 3 runs</c>.</summary>
    public static string Summary(int count, IReadOnlyCollection<ReusedUnit> reused, string what = "")
    {
        var commits = reused.Select(r => r.Commit ?? r.Run).Distinct(StringComparer.Ordinal).ToList();
        var from = commits.Count == 1 ? (reused.First().Commit is { Length: >= 7 } commit ? commit[..7] : reused.First().Run) : $"{commits.Count} runs";
        return $"{count}{what} reused from {from}";
    }

    /// <summary>The evidence's record of a reused entry.</summary>
    public static ReusedUnit Reused(CacheEntry entry) => new() { Unit = entry.Unit, Key = entry.Key, Commit = entry.Origin.Commit, Run = entry.Origin.Run };
}
