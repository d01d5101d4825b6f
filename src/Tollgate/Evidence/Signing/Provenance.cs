using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Evidence;

/// <summary>
/// The provenance of what Package produced: an in-toto Statement v1 whose subjects are every package (sha256),
/// every assembly inside one (so provenance still matches what consumers load after a feed re-signs a package)
/// and every image (its manifest or image digest), with a SLSA Provenance v1 predicate: Tollgate's build type,
/// the parameters that differed from the defaults (never a secret), the repository at its commit and every tool
/// with its version (and its package's sha512 where the tool store or the NuGet cache has it). Signed like the
/// manifest when a key is given.
/// </summary>
internal static class Provenance
{
    /// <summary>The statement's path in the bundle.</summary>
    public const string StatementFile = "provenance/package.intoto.json";

    /// <summary>The signed statement's path in the bundle.</summary>
    public const string EnvelopeFile = "provenance/package.intoto.dsse.json";

    /// <summary>Tollgate's build type: what the external parameters mean and how the build ran.</summary>
    public const string BuildType = "urn:tollgate:buildtype:ci:v1";

    /// <summary>Writes the statement (and its envelope with <paramref name="key"/>) when Package wrote <c>artifacts.json</c>.</summary>
    /// <returns>True when written.</returns>
    /// <param name="bundle">The run's bundle, with <c>artifacts.json</c> staged.</param>
    /// <param name="run">The run.</param>
    /// <param name="root">The repository root (artifact locations are relative to it).</param>
    /// <param name="toolStores">Tool folders whose <c>.store</c> holds the pinned tools' package digests.</param>
    /// <param name="key">Signs the statement, when given.</param>
    /// <param name="nugetTools">The tools that are NuGet packages (Tollgate's pinned tools): named as <c>pkg:nuget</c>, the others <c>pkg:generic</c>.</param>
    public static bool Write(BundleWriter bundle, RunRecord run, string root, IReadOnlyList<string> toolStores, EvidenceKey? key, IReadOnlyCollection<string>? nugetTools = null)
    {
        var artifactsFile = Path.Combine(bundle.Staging, "artifacts.json");
        if (!File.Exists(artifactsFile))
        {
            return false;
        }

        var artifacts = JsonNode.Parse(File.ReadAllText(artifactsFile))!["artifacts"]!.AsArray();
        var statement = Statement(artifacts, run, root, bundle.Gates.Select(g => g.Result).ToList(), toolStores, nugetTools);
        var text = statement.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        var path = Path.Combine(bundle.Staging, StatementFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, bundle.Mask(text));
        if (key is not null)
        {
            var envelope = DsseEnvelope.Sign(DsseEnvelope.InTotoType, File.ReadAllBytes(path), key);
            File.WriteAllText(Path.Combine(bundle.Staging, EnvelopeFile), EvidenceJson.Serialize(envelope));
        }

        return true;
    }

    /// <summary>The in-toto statement with its SLSA v1 predicate.</summary>
    public static JsonObject Statement(
        JsonArray artifacts, RunRecord run, string root, IReadOnlyList<GateResult> gates, IReadOnlyList<string> toolStores, IReadOnlyCollection<string>? nugetTools = null)
    {
        var subjects = new JsonArray();
        foreach (var artifact in artifacts.Select(a => a!.AsObject()))
        {
            var kind = (string?)artifact["kind"];
            var digest = ((string?)artifact["digest"] ?? "").Split(':')[^1];
            var location = (string?)artifact["location"] ?? "";
            if (kind is "nupkg" or "snupkg")
            {
                var name = Path.GetFileName(location);
                subjects.Add(Subject(name, digest));
                foreach (var (entry, sha256) in Assemblies(Path.Combine(root, location)))
                {
                    subjects.Add(Subject($"{name}!/{entry}", sha256));
                }
            }
            else if (kind == "image")
            {
                subjects.Add(Subject((string?)artifact["pushedTo"] ?? (string?)artifact["name"] ?? location, digest));
            }
        }

        var parameters = new JsonObject();
        foreach (var parameter in run.Parameters.Where(p => p.Overridden && !p.Secret).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            parameters[parameter.Name] = parameter.Value;
        }

        var dependencies = new JsonArray
        {
            new JsonObject
            {
                ["uri"] = $"git+{run.Repository.Remote ?? run.Repository.Name}",
                ["digest"] = new JsonObject { ["gitCommit"] = run.Commit },
            },
        };
        foreach (var (tool, version) in gates.SelectMany(g => g.Tools).DistinctBy(t => t.Key).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var isPackage = nugetTools?.Contains(tool, StringComparer.OrdinalIgnoreCase) ?? false;
            var dependency = new JsonObject { ["name"] = tool, ["uri"] = $"pkg:{(isPackage ? "nuget" : "generic")}/{tool}@{version}" };
            if (PackageSha512(tool, version, toolStores) is { } sha512)
            {
                dependency["digest"] = new JsonObject { ["sha512"] = sha512 };
            }

            dependencies.Add(dependency);
        }

        return new JsonObject
        {
            ["_type"] = "https://in-toto.io/Statement/v1",
            ["subject"] = subjects,
            ["predicateType"] = "https://slsa.dev/provenance/v1",
            ["predicate"] = new JsonObject
            {
                ["buildDefinition"] = new JsonObject
                {
                    ["buildType"] = BuildType,
                    ["externalParameters"] = new JsonObject
                    {
                        ["targets"] = new JsonArray(run.Requested.Select(t => (JsonNode?)t).ToArray()),
                        ["parameters"] = parameters,
                    },
                    ["internalParameters"] = new JsonObject { ["ciHost"] = run.CiHost.Name },
                    ["resolvedDependencies"] = dependencies,
                },
                ["runDetails"] = new JsonObject
                {
                    ["builder"] = new JsonObject
                    {
                        ["id"] = $"urn:tollgate:builder:{run.CiHost.Name}",
                        ["version"] = new JsonObject { ["tollgate"] = run.TollgateVersion },
                    },
                    ["metadata"] = new JsonObject
                    {
                        ["invocationId"] = run.CiHost.Details.TryGetValue("url", out var url) && url.Length > 0 ? url : $"{run.Repository.Name}@{run.Commit}",
                        ["startedOn"] = run.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                        ["finishedOn"] = run.StartedAt.AddSeconds(run.DurationSeconds).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    },
                },
            },
        };
    }

    private static JsonObject Subject(string name, string sha256) => new() { ["name"] = name, ["digest"] = new JsonObject { ["sha256"] = sha256 } };

    // The assemblies a consumer loads from a package: their digests stay the same when a feed re-signs the package.
    private static IEnumerable<(string Entry, string Sha256)> Assemblies(string package)
    {
        if (!File.Exists(package))
        {
            yield break;
        }

        using var zip = ZipFile.OpenRead(package);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var stream = entry.Open();
            yield return (entry.FullName, Convert.ToHexStringLower(SHA256.HashData(stream)));
        }
    }

    // NuGet keeps "<id>.<version>.nupkg.sha512" (base64) beside every package it extracts: in a tool store and in the global packages folder.
    private static string? PackageSha512(string tool, string version, IReadOnlyList<string> toolStores)
    {
        var id = tool.ToLowerInvariant();
        var candidates = toolStores.Select(store => Path.Combine(store, ".store", id, version, id, version, $"{id}.{version}.nupkg.sha512"))
            .Append(Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), id, version, $"{id}.{version}.nupkg.sha512"));
        var file = candidates.FirstOrDefault(File.Exists);
        if (file is null)
        {
            return null;
        }

        try
        {
            return Convert.ToHexStringLower(Convert.FromBase64String(File.ReadAllText(file).Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
