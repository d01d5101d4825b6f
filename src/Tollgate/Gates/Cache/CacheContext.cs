namespace Tollgate.Gates.Cache;

/// <summary>What a gate needs to reuse results: the run's cache, the digests of the repository's sources (each file read once per run), and Tollgate's own identity (its version and the build of its assembly), which is in every key.</summary>
/// <param name="Cache">The run's result cache.</param>
/// <param name="Sources">The repository's source digests.</param>
/// <param name="Tollgate">Tollgate's version and assembly identity.</param>
/// <param name="Inputs">Patterns of files, relative to the root, that every Test and Mutation unit also depends on: what tests read outside their projects' folders (a <c>*</c> matches across folders).</param>
internal sealed record CacheContext(ResultCache Cache, SourceDigests Sources, string Tollgate, IReadOnlyList<string>? Inputs = null)
{
    private KeyIngredients? extra;

    /// <summary>The files <see cref="Inputs"/> names, by content (worked out once per run).</summary>
    public KeyIngredients Extra => extra ??= Cache.Measure(() =>
    {
        var ingredients = new KeyIngredients();
        foreach (var file in (Inputs ?? []).Count == 0 ? [] : SourceDigests.FilesBelow(Sources.Root))
        {
            var relative = IO.PortablePath.Relative(Sources.Root, file);
            if (Inputs!.Any(pattern => System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(pattern, relative, ignoreCase: false)))
            {
                ingredients.Add("file:" + relative, Sources.Of(file));
            }
        }

        return ingredients;
    });

    /// <summary>The ingredients every unit of every gate has: Tollgate itself.</summary>
    public KeyIngredients Base(string gate) => new KeyIngredients().Add("tollgate", Tollgate).Add("gate", gate);

    /// <summary>Reused units' summary for a headline: <c>412 reused from 1a2b3c4</c>, or <c>… from 3 runs</c>.</summary>
    public static string Summary(int count, IReadOnlyCollection<ReusedUnit> reused, string what = "") => $"{count}{what} reused from {From(reused)}";

    /// <summary>Where reused units came from: a commit's first seven characters (or the run, outside git), or <c>3 runs</c>.</summary>
    public static string From(IReadOnlyCollection<ReusedUnit> reused)
    {
        var commits = reused.Select(r => r.Commit ?? r.Run).Distinct(StringComparer.Ordinal).ToList();
        return commits.Count == 1 ? (reused.First().Commit is { Length: >= 7 } commit ? commit[..7] : reused.First().Run) : $"{commits.Count} runs";
    }

    /// <summary>The evidence's record of a reused entry.</summary>
    public static ReusedUnit Reused(CacheEntry entry) => new() { Unit = entry.Unit, Key = entry.Key, Commit = entry.Origin.Commit, Run = entry.Origin.Run };
}
