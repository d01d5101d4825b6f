using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.Git;
using Tollgate.Tools.NuGet;

namespace Tollgate.Gates.Package;

/// <summary>
/// Packs the solution's packable projects with the build's version (and symbols) and pushes them to a
/// folder or HTTP feed. A version a feed already has is never overwritten: published versions are immutable.
/// </summary>
internal sealed class NuGetPackager(ProcessRunner runner, ToolHooks? hooks = null)
{
    /// <summary>
    /// Packs <paramref name="targets"/> (the solution, when it packs exactly what is meant, else each project) into
    /// <paramref name="output"/> (emptied first: it holds this run's packages only) and returns the packages. When the
    /// run's build already carries the version (<paramref name="built"/>), the assemblies it tested are packed as they are.
    /// Every entry gets one fixed time, so the same commit and SDK give the same bytes in any checkout, at any hour. With a
    /// <paramref name="cache"/>, a pack of unchanged projects, version and commands is restored from it instead.
    /// </summary>
    public async Task<IReadOnlyList<Artifact>> PackAsync(
        string root, IReadOnlyList<string> targets, string configuration, BuildVersion version, IReadOnlyList<string> properties, string output, bool built, CancellationToken cancellation,
        (PackageCache Cache, IReadOnlyList<string> Projects)? cache = null)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(output);
        var runs = targets.Select(target => Hooks.Apply(new DotnetPackSettings
        {
            Target = target,
            Configuration = configuration,
            Output = output,
            Properties = [.. version.MSBuildProperties, .. properties],
            NoBuild = built,
        })).ToList();
        var ingredients = cache?.Cache.PackIngredients(cache.Value.Projects, runs, version);
        if (ingredients is null || !await cache!.Value.Cache.RestoreAsync(PackageCache.PackUnit, ingredients, output, cancellation).ConfigureAwait(false))
        {
            foreach (var settings in runs)
            {
                var result = await runner.RunAsync(settings.ToProcess(DotnetCli.Program, root, installHint: DotnetCli.InstallHint), cancellation).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    throw new InvalidDataException($"dotnet pack {PortablePath.Relative(root, settings.Target)} exited {result.ExitCode}: {result.Tail(10).Trim()}");
                }
            }

            foreach (var file in Packages(output))
            {
                ZipTimestamps.Normalise(file); // the pack time is the one thing that differs between two packs of one commit
            }

            if (ingredients is not null)
            {
                await cache!.Value.Cache.StoreAsync(PackageCache.PackUnit, ingredients, output, Packages(output), cancellation).ConfigureAwait(false);
            }
        }

        var suffix = $".{version.NuGetVersion}";
        return Packages(output)
            .Select(file =>
            {
                var name = Path.GetFileName(file);
                var kind = name.EndsWith(".snupkg", StringComparison.Ordinal) ? "snupkg" : "nupkg";
                var stem = Path.GetFileNameWithoutExtension(name);
                var id = stem.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? stem[..^suffix.Length] : stem;
                return new Artifact(kind, id, version.NuGetVersion, "sha256:" + FileDigest.Sha256(file), PortablePath.Relative(root, file));
            }).ToList();
    }

    private static IReadOnlyList<string> Packages(string output) =>
        Directory.GetFiles(output).Where(f => f.EndsWith(".nupkg", StringComparison.Ordinal) || f.EndsWith(".snupkg", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Pushes one package to <paramref name="feed"/>: an HTTP(S) URL, a folder (a rooted path, a relative one with a
    /// slash or <c>./</c>, or an existing directory; relative to the root), or else the name of a source in the repository's NuGet.Config. Refuses a version the feed already has.
    /// </summary>
    public async Task<Artifact> PushAsync(string root, Artifact package, string feed, string? apiKey, string workDirectory, CancellationToken cancellation)
    {
        var given = feed;
        var http = Uri.TryCreate(feed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
        // A folder: rooted, relative with a slash (artifacts/feed), ./-style, or one that exists; else a source name of NuGet.Config.
        var folder = !http && (Path.IsPathRooted(feed) || feed.StartsWith('.') || feed.Contains('/', StringComparison.Ordinal) || feed.Contains('\\', StringComparison.Ordinal) || Directory.Exists(Path.Combine(root, feed)));
        if (folder)
        {
            feed = Path.GetFullPath(feed, root);
        }

        if (folder && Existing(feed, package) is { } existing)
        {
            throw new InvalidDataException(
                $"{given} already has {package.Name} {package.Version} ({PortablePath.Relative(root, existing)}); a published version is never overwritten: tag a new version.");
        }

        if (folder)
        {
            Directory.CreateDirectory(feed);
        }

        // The feed's password and the API key reach NuGet through owner-only files removed when the push ends: a config with the
        // source's credentials and a response file with the source and the key. The command line names only those files.
        ProcessResult result;
        using (var secrets = PrivateFiles.Create(workDirectory))
        {
            var config = http ? secrets.Write("nuget-push.config", NuGetConfigFile.PushSource(feed)) : null;
            var source = http ? NuGetConfigFile.Credentials(feed).Url : feed;
            var responses = secrets.Write("push.rsp", string.Join('\n', DotnetCli.NuGetPushSecrets(source, apiKey)) + "\n");
            var settings = Hooks.Apply(new NuGetPushSettings { Package = Path.Combine(root, package.Location), ResponseFile = responses, ConfigFile = config });
            result = await runner.RunAsync(settings.ToProcess(DotnetCli.Program, root, TimeSpan.FromMinutes(10), installHint: DotnetCli.InstallHint), cancellation).ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            var text = result.Output + result.Error;
            throw new InvalidDataException(text.Contains("409", StringComparison.Ordinal) || text.Contains("already exists", StringComparison.OrdinalIgnoreCase)
                ? $"{given} already has {package.Name} {package.Version}; a published version is never overwritten: tag a new version."
                : $"dotnet nuget push {package.Name} {package.Version} to {given} exited {result.ExitCode}: {result.Tail(5).Trim()}");
        }

        return package with { PushedTo = http ? GitFacts.WithoutCredentials(feed) : given };
    }

    private ToolHooks Hooks => hooks ?? ToolHooks.None;

    private static string? Existing(string feed, Artifact package)
    {
        var flat = Path.Combine(feed, $"{package.Name}.{package.Version}.nupkg");
        var hierarchical = Path.Combine(feed, package.Name.ToLowerInvariant(), package.Version.ToLowerInvariant());
        return File.Exists(flat) ? flat : Directory.Exists(hierarchical) ? hierarchical : null;
    }
}
