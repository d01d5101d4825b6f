using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Evidence;
using Tollgate.Gates.Cache;
using Tollgate.IO;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// SecurityScan's units in the result cache, each a scanner's raw output (its run, findings and reports) before the policy
/// judges it, so a changed waiver or suppression applies to a reused scan as to a fresh one. Only a scan that ran is stored.
/// <list type="bullet">
/// <item>The secret scan's key is every file it reads (Tollgate's own outputs are not among them), by name and content as the scanner opens it (a link by what it is, never
/// followed), and Tollgate's identity (its rules).</item>
/// <item>The NuGet audit's key is every audited project with the projects and build files around it (package references,
/// central versions, NuGet.Config) and its resolved packages, the target, the run's properties, the audit sources and the
/// SDK.</item>
/// <item>Trivy's scans of the repository (<c>fs</c>, <c>config</c>): every file below the root that Trivy walks (its skipped
/// folders left out; links are not followed, by Trivy either), Trivy's version, the scans' command lines as the hook left them
/// and the environment Trivy is given (as a digest). A run that scans images or SBOMs too is never reused.</item>
/// </list>
/// Vulnerability data changes without any of the audit's or Trivy's ingredients changing, so those are reused for at most
/// <c>--audit-cache-hours</c> (the policy's <c>security.auditCacheHours</c>).
/// </summary>
internal sealed class SecurityScanCache(CacheContext context, TimeSpan auditAge)
{
    /// <summary>The secret scan's unit name.</summary>
    public const string SecretsUnit = "secret scan";

    /// <summary>The NuGet audit's unit name.</summary>
    public const string AuditUnit = "nuget audit";

    /// <summary>Trivy's scans of the repository, as a unit.</summary>
    public const string TrivyUnit = "trivy scan";

    private const string OutputFile = "scan.json";
    private readonly List<CacheEntry> reused = [];

    /// <summary>The entries this run reused.</summary>
    public IReadOnlyList<CacheEntry> Reused => reused;

    /// <summary>What the secret scan of <paramref name="files"/> (relative to <paramref name="root"/>) depends on.</summary>
    public KeyIngredients SecretsIngredients(string root, IReadOnlyList<RawPath> files) => context.Cache.Measure(() =>
    {
        var ingredients = context.Base(SecurityScanGate.Name);
        foreach (var file in files.Where(f => !SecretScanner.IsToolState(f.Text))) // what the scanner reads, no more
        {
            ingredients.Add("file:" + (file.IsText ? file.Text : "0x" + Convert.ToHexStringLower(file.Bytes)), ContentOf(root, file));
        }

        return ingredients;
    });

    /// <summary>What the NuGet audit of <paramref name="projects"/> depends on.</summary>
    public KeyIngredients AuditIngredients(IReadOnlyList<string> projects, string target, IReadOnlyList<string> properties, IReadOnlyList<string> sources, string sdk) =>
        context.Cache.Measure(() =>
        {
            var ingredients = context.Base(SecurityScanGate.Name);
            foreach (var project in projects.Order(StringComparer.Ordinal))
            {
                ingredients.Add(context.Sources.OfProject(project));
            }

            return ingredients.Add("target", PortablePath.Relative(context.Sources.Root, target)).AddDigest("properties", string.Join('\n', properties))
                .Add("audit-sources", string.Join('\n', sources)).Add("sdk", sdk);
        });

    /// <summary>What Trivy's scans of <paramref name="root"/> depend on.</summary>
    public KeyIngredients TrivyIngredients(
        string root, string version, IReadOnlyList<string> skipped, IReadOnlyList<ToolSettings> scans, IReadOnlyDictionary<string, string?> environment) =>
        context.Cache.Measure(() =>
        {
            var ingredients = context.Base(SecurityScanGate.Name).Add("tool:trivy", version);
            foreach (var file in FilesTrivyWalks(root, skipped))
            {
                ingredients.Add("file:" + file, ContentOf(root, RawPath.FromText(file)));
            }

            for (var i = 0; i < scans.Count; i++)
            {
                ingredients.AddCommand($"scan:{i}", scans[i], root);
            }

            return ingredients.AddDigest("environment", string.Join('\n', environment.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")));
        });

    /// <summary>The stored output of <paramref name="unit"/>, or null (also when it is older than the audit's age, for the audit).</summary>
    public async Task<ScanOutput?> ReadAsync(string unit, KeyIngredients ingredients, Action<string> say, CancellationToken cancellation)
    {
        if (await context.Cache.ReadAsync(SecurityScanGate.Name, unit, ingredients, cancellation).ConfigureAwait(false) is not { } entry)
        {
            return null;
        }

        if (unit != SecretsUnit && DateTimeOffset.UtcNow - entry.Origin.At > auditAge)
        {
            say($"The {unit} stored {entry.Origin.At:yyyy-MM-dd HH:mm} UTC is older than {auditAge.TotalHours:0} hours (--audit-cache-hours): vulnerability data changes, so it runs again");
            return null;
        }

        reused.Add(entry);
        return Parse(entry.Files[OutputFile]);
    }

    /// <summary>Stores a scanner's output, when it ran.</summary>
    public Task StoreAsync(string unit, KeyIngredients ingredients, ScanOutput output, CancellationToken cancellation) =>
        output.Run.State != ScannerState.Ran || (unit != SecretsUnit && auditAge <= TimeSpan.Zero)
            ? Task.CompletedTask
            : context.Cache.WriteAsync(SecurityScanGate.Name, unit, ingredients, new Dictionary<string, string>(), new Dictionary<string, byte[]>
            {
                [OutputFile] = Encoding.UTF8.GetBytes(Serialize(output)),
            }, cancellation);

    /// <summary>A scanner's output as JSON.</summary>
    public static string Serialize(ScanOutput output) => new JsonObject
    {
        ["scanner"] = output.Run.Scanner,
        ["version"] = output.Run.Version,
        ["findings"] = JsonSerializer.SerializeToNode(output.Findings, EvidenceJson.Options),
        ["reports"] = new JsonArray(output.Reports.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["text"] = r.Text }).ToArray()),
    }.ToJsonString();

    /// <summary>A scanner's output read back; a stored output always ran.</summary>
    public static ScanOutput Parse(byte[] json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("a stored scan is not a JSON object");
        var findings = node["findings"].Deserialize<List<Finding>>(EvidenceJson.Options) ?? [];
        var reports = (node["reports"] as JsonArray ?? []).OfType<JsonObject>().Select(r => (r["name"]!.GetValue<string>(), r["text"]!.GetValue<string>())).ToList();
        return new ScanOutput(new ScannerRun(node["scanner"]!.GetValue<string>(), ScannerState.Ran, node["version"]?.GetValue<string>()), findings, reports);
    }

    // The files below root, relative, outside the folders Trivy skips ("**/name" anywhere, "a/b" from the root), links not followed.
    private static IEnumerable<string> FilesTrivyWalks(string root, IReadOnlyList<string> skipped)
    {
        var anywhere = skipped.Where(s => s.StartsWith("**/", StringComparison.Ordinal)).Select(s => s[3..]).ToHashSet(StringComparer.Ordinal);
        var fromRoot = skipped.Where(s => !s.StartsWith("**/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true, ReturnSpecialDirectories = false };
        return Directory.EnumerateFiles(root, "*", walk)
            .Select(f => PortablePath.Relative(root, f))
            .Where(f =>
            {
                var folders = f.Split('/').SkipLast(1).ToList();
                return !folders.Any(anywhere.Contains) && !Enumerable.Range(1, folders.Count).Any(n => fromRoot.Contains(string.Join('/', folders.Take(n))));
            })
            .Order(StringComparer.Ordinal);
    }

    // What the scanner would find at a name: a regular file by its content, anything else by its kind (a link is never followed).
    private static string ContentOf(string root, RawPath file)
    {
        try
        {
            var (kind, stream, length) = RawFile.Open(root, file);
            using (stream)
            {
                return kind == RawFileKind.Regular ? "sha256:" + FileDigest.Sha256(stream!, length) : kind.ToString().ToLowerInvariant();
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
