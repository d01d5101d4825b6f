using Tollgate.Tools.Trivy;

namespace Tollgate;

/// <summary>
/// <c>trivy</c> in SecurityScan and Package: one scan (<c>fs</c>, <c>config</c>, <c>image</c>, <c>sbom</c>) with a JSON
/// report, Tollgate's cache and an empty config and ignore file, so nothing is read behind the policy's back.
/// </summary>
public sealed record TrivySettings : ToolSettings
{
    /// <summary>The scan: <c>fs</c>, <c>config</c>, <c>image</c> or <c>sbom</c>.</summary>
    public string Command { get; internal init; } = "";

    /// <summary>What is scanned: a folder, an image, an SBOM file.</summary>
    public string Target { get; internal init; } = "";

    /// <summary>The JSON report (<c>--output</c>).</summary>
    public string Output { get; internal init; } = "";

    /// <summary>Whether the scan uses the database it has (no update, no network).</summary>
    public bool Offline { get; internal init; }

    /// <summary>Folders left out of a file-system scan (<c>--skip-dirs</c>).</summary>
    public IReadOnlyList<string> SkipDirectories { get; init; } = [];

    /// <summary>Where Trivy keeps its database.</summary>
    internal string CacheDirectory { get; init; } = "";

    /// <summary>The empty config file (<c>--config</c>).</summary>
    internal string ConfigFile { get; init; } = "";

    /// <summary>The empty ignore file (<c>--ignorefile</c>).</summary>
    internal string IgnoreFile { get; init; } = "";

    /// <inheritdoc />
    public override string Tool => "trivy";

    internal override IReadOnlyList<string> RenderArguments() => TrivyTool.Arguments(this);
}
