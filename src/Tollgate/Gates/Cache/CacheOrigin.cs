namespace Tollgate.Gates.Cache;

/// <summary>Where a stored result came from: the commit and the run that produced it (a CI run's address, or <c>local</c>), and when.</summary>
/// <param name="Commit">The commit checked out (null outside git).</param>
/// <param name="Run">The run: the CI host's build address or number, or <c>local</c>.</param>
/// <param name="At">When it was stored.</param>
internal sealed record CacheOrigin(string? Commit, string Run, DateTimeOffset At);
