namespace Tollgate.Ci;

/// <summary>Bitbucket Pipelines finds test reports in <c>test-results</c> directories of the clone: <c>junit.xml</c> is copied to <c>artifacts/test-results/tollgate/</c>.</summary>
internal sealed class BitbucketConsole(BuildLog log) : CiConsole(log)
{
    /// <summary>Where the copy goes, relative to the repository root.</summary>
    public const string ReportPath = "artifacts/test-results/tollgate/junit.xml";

    /// <inheritdoc />
    public override void Publish(CiPublication publication)
    {
        var junit = Path.Combine(publication.EvidenceDirectory, "junit.xml");
        if (File.Exists(junit))
        {
            var target = Path.Combine(publication.RootDirectory, ReportPath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(junit, target, overwrite: true);
            Log.Info($"Test report for Bitbucket: {ReportPath}");
        }
    }
}
