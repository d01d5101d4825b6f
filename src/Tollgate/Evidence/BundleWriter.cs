using Tollgate.IO;

namespace Tollgate.Evidence;

/// <summary>
/// The evidence of the run in progress: gate results recorded in memory and reports copied into a
/// staging directory beside the bundle, until <see cref="EvidenceWriter"/> turns them into the bundle.
/// </summary>
internal sealed class BundleWriter
{
    private readonly SortedDictionary<string, (GateResult Result, TimeSpan Duration)> gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts a bundle for <paramref name="directory"/> (e.g. <c>artifacts/evidence</c>), staged in a directory of
    /// this run's own (<c>&lt;bundle&gt;.staging.&lt;pid&gt;</c>), so that two runs never share one.
    /// </summary>
    /// <param name="directory">Where the bundle ends up.</param>
    /// <param name="mask">Applied to every text the bundle receives (the build log's secret masker), so no secret reaches the evidence.</param>
    public BundleWriter(string directory, Func<string, string>? mask = null)
    {
        Mask = mask ?? (text => text);
        Directory = Path.GetFullPath(directory);
        Staging = StagingOf(Directory);
        ClearStaging(Staging);
    }

    /// <summary>The part of a split run this bundle is (null: not split).</summary>
    public ShardRecord? Shard { get; set; }

    /// <summary>The shard bundles this merged bundle was made of (null: not a merge).</summary>
    public IReadOnlyList<ShardRecord>? Shards { get; set; }

    /// <summary>Masks secrets in a text before it is written into the bundle.</summary>
    public Func<string, string> Mask { get; }

    /// <summary>Where the bundle ends up.</summary>
    public string Directory { get; private set; }

    /// <summary>Where it is assembled.</summary>
    public string Staging { get; private set; }

    /// <summary>Sends the bundle to another directory (e.g. a deployment's, so that the bundle it promotes stays as it was); what was staged moves along.</summary>
    public void Retarget(string directory)
    {
        var target = Path.GetFullPath(directory);
        if (target == Directory)
        {
            return;
        }

        var staging = StagingOf(target);
        if (System.IO.Directory.Exists(staging))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
        System.IO.Directory.Move(Staging, staging);
        (Directory, Staging) = (target, staging);
    }

    /// <summary>
    /// Removes staging directories that runs which ended without finishing their bundle left beside it. Call it
    /// only while holding the repository lock: then no other run is staging.
    /// </summary>
    public static void RemoveAbandonedStaging(string directory)
    {
        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(full)!;
        if (!System.IO.Directory.Exists(parent))
        {
            return;
        }

        foreach (var staging in System.IO.Directory.GetDirectories(parent, Path.GetFileName(full) + ".staging*"))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }
    }

    private static string StagingOf(string directory) => $"{directory}.staging.{Environment.ProcessId}";

    private static void ClearStaging(string staging)
    {
        if (System.IO.Directory.Exists(staging))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }

        System.IO.Directory.CreateDirectory(staging);
    }

    /// <summary>The version this run built, once something computed it.</summary>
    public string? Version { get; set; }

    /// <summary>The gate results recorded so far, by gate name.</summary>
    public IReadOnlyList<(GateResult Result, TimeSpan Duration)> Gates
    {
        get
        {
            lock (gates)
            {
                return gates.Values.ToList();
            }
        }
    }

    /// <summary>Records a gate's result; a later result of the same gate replaces the earlier one.</summary>
    public void RecordGate(GateResult result, TimeSpan duration)
    {
        lock (gates)
        {
            gates[result.Gate] = (result, duration);
        }
    }

    /// <summary>Copies a tool's report into <c>reports/&lt;gate&gt;/</c> and returns its bundle path.</summary>
    public string AddReport(string gate, string source, string? name = null)
    {
        var relative = $"reports/{gate.ToLowerInvariant()}/{name ?? Path.GetFileName(source)}";
        var target = Path.Combine(Staging, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var bytes = File.ReadAllBytes(source);
        if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0)
        {
            File.WriteAllBytes(target, bytes); // binary: a secret masker speaks text
        }
        else
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var masked = Mask(text);
            if (ReferenceEquals(masked, text) || masked == text)
            {
                File.WriteAllBytes(target, bytes); // byte for byte, BOM and all, when there is nothing to mask
            }
            else
            {
                File.WriteAllText(target, masked);
            }
        }

        return relative;
    }

    /// <summary>Copies every file of a tool's report directory into <c>reports/&lt;gate&gt;/</c>, keeping its layout.</summary>
    public void AddReportDirectory(string gate, string directory)
    {
        foreach (var file in System.IO.Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
        {
            AddReport(gate, file, PortablePath.Relative(directory, file));
        }
    }

    /// <summary>Writes a rendering at the bundle's top level (e.g. <c>junit.xml</c>).</summary>
    public void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(Staging, name), Mask(text));

    /// <summary>Writes a report Tollgate made itself (e.g. a gate's SARIF) into <c>reports/&lt;gate&gt;/</c>.</summary>
    public string WriteReport(string gate, string name, string text)
    {
        var relative = $"reports/{gate.ToLowerInvariant()}/{name}";
        var target = Path.Combine(Staging, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, Mask(text));
        return relative;
    }

    /// <summary>The bundle-relative paths of a gate's reports.</summary>
    public IReadOnlyList<string> ReportsOf(string gate)
    {
        var prefix = $"reports/{gate.ToLowerInvariant()}";
        var folder = Path.Combine(Staging, prefix);
        return System.IO.Directory.Exists(folder) ? PortablePath.FilesBelow(folder).Select(f => $"{prefix}/{f}").ToList() : [];
    }
}
