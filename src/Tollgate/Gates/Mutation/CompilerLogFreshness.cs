using Tollgate.IO;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Mutation;

/// <summary>
/// Handed the run's build targets, Stryker's builds find the projects up to date; where one still compiles a project
/// again (a project that names its own CustomAfterMicrosoftCommonTargets, say), it writes the same bytes with a new time: the compiler log the
/// run's one build wrote for Lint then looks older than its assembly, and the next Compile recompiles every
/// project to write it again. Taken before Stryker runs, this remembers each project's intermediate assembly
/// digest; afterwards, where the bytes are unchanged, the log is still the compiler's word on exactly that
/// assembly, so its time is brought level. A changed (or missing) assembly is left alone: the next build
/// recompiles it, as it must.
/// </summary>
internal sealed class CompilerLogFreshness
{
    private readonly List<(string Assembly, string Log, string Digest)> before;

    private CompilerLogFreshness(List<(string Assembly, string Log, string Digest)> before) => this.before = before;

    public static CompilerLogFreshness Before(IEnumerable<ProjectInfo> built) => new(built
        .Where(p => p.Sarif.Length > 0 && File.Exists(p.Sarif))
        .Select(p => (Assembly: Path.Combine(Path.GetDirectoryName(p.Sarif)!, Path.GetFileName(p.TargetPath)), Log: p.Sarif))
        .Where(p => File.Exists(p.Assembly) && File.GetLastWriteTimeUtc(p.Log) >= File.GetLastWriteTimeUtc(p.Assembly))
        .Distinct()
        .Select(p => (p.Assembly, p.Log, FileDigest.Sha256(p.Assembly)))
        .ToList());

    /// <summary>The logs brought level with their unchanged assemblies.</summary>
    public IReadOnlyList<string> Restore()
    {
        var restored = new List<string>();
        foreach (var (assembly, log, digest) in before)
        {
            if (File.Exists(assembly) && File.Exists(log) && File.GetLastWriteTimeUtc(log) < File.GetLastWriteTimeUtc(assembly)
                && FileDigest.Sha256(assembly) == digest)
            {
                File.SetLastWriteTimeUtc(log, File.GetLastWriteTimeUtc(assembly));
                restored.Add(log);
            }
        }

        return restored;
    }
}
