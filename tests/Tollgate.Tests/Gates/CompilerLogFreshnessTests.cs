using Tollgate.Gates.Mutation;
using Tollgate.Tests.Support;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Gates;

public sealed class CompilerLogFreshnessTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private (ProjectInfo Project, string Assembly, string Log) Built()
    {
        var assembly = root.Write("src/A/obj/Release/net10.0/A.dll", "compiled bytes");
        var log = root.Write("src/A/obj/Release/net10.0/tollgate-lint.sarif", "{}");
        File.SetLastWriteTimeUtc(assembly, DateTime.UtcNow.AddMinutes(-10));
        File.SetLastWriteTimeUtc(log, DateTime.UtcNow.AddMinutes(-10));
        return (new ProjectInfo(Path.Combine(root.Path, "src/A/A.csproj"), "net10.0", false, Path.Combine(root.Path, "src/A/bin/Release/net10.0/A.dll"), log, "10.0.100"), assembly, log);
    }

    [Fact]
    public void A_log_whose_assembly_was_rewritten_with_the_same_bytes_is_brought_level()
    {
        var (project, assembly, log) = Built();
        var freshness = CompilerLogFreshness.Before([project]);

        File.WriteAllText(assembly, "compiled bytes"); // Stryker's build: same bytes, new time

        Assert.Equal([log], freshness.Restore());
        Assert.True(File.GetLastWriteTimeUtc(log) >= File.GetLastWriteTimeUtc(assembly));
    }

    [Fact]
    public void A_log_whose_assembly_changed_is_left_for_the_next_build_to_rewrite()
    {
        var (project, assembly, log) = Built();
        var freshness = CompilerLogFreshness.Before([project]);

        File.WriteAllText(assembly, "mutated bytes");

        Assert.Empty(freshness.Restore());
        Assert.True(File.GetLastWriteTimeUtc(log) < File.GetLastWriteTimeUtc(assembly));
    }
}
