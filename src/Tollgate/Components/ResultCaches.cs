using Tollgate.Engine;
using Tollgate.Gates.Cache;

namespace Tollgate;

/// <summary>Opens a run's result cache from its parameters: the mode, the local folder, the shared HTTP cache and its credentials, and where results stored by this run come from.</summary>
internal static class ResultCaches
{
    /// <summary>The run's cache; a bad <c>--cache</c> or <c>--cache-url</c> is the build's error, naming the value and the fix.</summary>
    public static async Task<CacheContext> OpenAsync(ITollgateBuild build, CancellationToken cancellation)
    {
        var word = build.Read(() => build.Cache);
        var mode = build.Read(() => build.NoCache) ? CacheMode.Off
            : CacheModes.Parse(word) ?? throw new BuildException($"--cache '{word}' is not a cache mode; give {CacheModes.Words}.");
        var stores = new List<ICacheStore>();
        if (mode != CacheMode.Off)
        {
            stores.Add(new LocalCacheStore(build.Read(() => build.CacheDirectory) ?? LocalCacheStore.DefaultDirectory(build.EnvironmentVariables)));
            if (build.Read(() => build.CacheUrl) is { Length: > 0 } url)
            {
                try
                {
                    stores.Add(new HttpCacheStore(url, build.Read(() => build.CacheCredentials)));
                }
                catch (ArgumentException exception)
                {
                    throw new BuildException(exception.Message);
                }
            }
        }

        var facts = await build.GitFactsAsync(cancellation).ConfigureAwait(false);
        var host = Ci.CiHost.Detect(build.EnvironmentVariables);
        var run = host.Details.GetValueOrDefault("url") ?? (host.Details.GetValueOrDefault("buildNumber") is { } number ? $"{host.Name} {number}" : "local");
        var origin = new CacheOrigin(facts.Commit, run, DateTimeOffset.UtcNow);
        var secret = build.Read(() => build.CacheSigningKey);
        var result = new ResultCache(
            mode, stores, origin, build.Log.Warn, build.Log.Info, build.Read(() => build.ExplainCache),
            secret is { Length: > 0 } ? System.Text.Encoding.UTF8.GetBytes(secret) : null);
        var identity = $"{TollgateVersion.Current} {typeof(ResultCaches).Assembly.ManifestModule.ModuleVersionId:N}";
        return new CacheContext(result, new SourceDigests(build.RootDirectory), identity, build.Read(() => build.CacheInputs));
    }
}
