namespace Tollgate.Portfolio;

/// <summary>
/// Which branch is each repository's main one, for the pipeline success rate, which counts the main branch's runs: the
/// registry's <c>branch</c> for a project, else <c>main</c> or <c>master</c>. A run whose branch is not recorded (a detached
/// checkout with no CI variable naming it) counts: leaving it out would hide a repository's failures.
/// </summary>
internal sealed class MainBranches(IReadOnlyDictionary<string, string> byRepository)
{
    /// <summary>No registry: <c>main</c> or <c>master</c> everywhere.</summary>
    public static MainBranches Default { get; } = new(new Dictionary<string, string>());

    /// <summary>True when a run of <paramref name="repository"/> on <paramref name="branch"/> counts as its main branch's.</summary>
    public bool Counts(string repository, string? branch) =>
        branch is null || (byRepository.TryGetValue(repository, out var main) ? branch == main : branch is "main" or "master");
}
