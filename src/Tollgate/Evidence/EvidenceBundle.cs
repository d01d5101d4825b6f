using Tollgate.IO;

namespace Tollgate.Evidence;

/// <summary>
/// The evidence of the run in progress: gate results recorded in memory and reports copied into a
/// staging directory beside the bundle, until <see cref="EvidenceWriter"/> turns them into the bundle.
/// </summary>
public sealed class EvidenceBundle
{
    private readonly SortedDictionary<string, (GateResult Result, TimeSpan Duration)> gates = new(StringComparer.Ordinal);

    /// <summary>Starts a bundle for <paramref name="directory"/> (e.g. <c>artifacts/evidence</c>); a staging directory left by a crashed run is cleared.</summary>
    public EvidenceBundle(string directory)
    {
        Directory = Path.GetFullPath(directory);
        Staging = Directory + ".staging";
        if (System.IO.Directory.Exists(Staging))
        {
            System.IO.Directory.Delete(Staging, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Staging);
    }

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

        var staging = target + ".staging";
        if (System.IO.Directory.Exists(staging))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(staging)!);
        System.IO.Directory.Move(Staging, staging);
        (Directory, Staging) = (target, staging);
    }

    /// <summary>The version this run built, once something computed it.</summary>
    public string? Version { get; set; }

    /// <summary>The gate results recorded so far, by gate name.</summary>
    public IReadOnlyList<(GateResult Result, TimeSpan Duration)> Gates => gates.Values.ToList();

    /// <summary>Records a gate's result; a later result of the same gate replaces the earlier one.</summary>
    public void RecordGate(GateResult result, TimeSpan duration) => gates[result.Gate] = (result, duration);

    /// <summary>Copies a tool's report into <c>reports/&lt;gate&gt;/</c> and returns its bundle path.</summary>
    public string AddReport(string gate, string source, string? name = null)
    {
        var relative = $"reports/{gate.ToLowerInvariant()}/{name ?? Path.GetFileName(source)}";
        var target = Path.Combine(Staging, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
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
    public void WriteFile(string name, string text) => File.WriteAllText(Path.Combine(Staging, name), text);

    /// <summary>Writes a report Tollgate made itself (e.g. a gate's SARIF) into <c>reports/&lt;gate&gt;/</c>.</summary>
    public string WriteReport(string gate, string name, string text)
    {
        var relative = $"reports/{gate.ToLowerInvariant()}/{name}";
        var target = Path.Combine(Staging, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
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
