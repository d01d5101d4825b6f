namespace Tollgate;

/// <summary>Trivy's scans in SecurityScan (<c>trivy fs</c>, <c>config</c>, <c>image</c>; not its version check).</summary>
public sealed record TrivySettings : ToolSettings
{
    /// <inheritdoc />
    public override string Tool => "trivy";

    internal override bool AppliesTo(ProcessSpec spec) =>
        spec.Arguments.Count > 0 && spec.Arguments[0] is "fs" or "config" or "image" or "sbom" or "filesystem";
}
