using Tollgate.Gates.Coverage;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Gates;

public class CoverageRunnerTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Collected_files_leave_out_the_trx_loggers_copies_of_attachments()
    {
        root.Write("results/A.Tests/5008e09e/coverage.cobertura.xml", "<coverage />");
        root.Write("results/A.Tests/_vm_2026-11-22_06_05_51/In/vm/coverage.cobertura.xml", "<coverage />");
        root.Write("results/B.Tests/77aa/coverage.cobertura.xml", "<coverage />");

        var files = CoverageRunner.CollectedFiles(Path.Combine(root.Path, "results"));

        Assert.Equal(["A.Tests/5008e09e/coverage.cobertura.xml", "B.Tests/77aa/coverage.cobertura.xml"],
            files.Select(f => Path.GetRelativePath(Path.Combine(root.Path, "results"), f).Replace('\\', '/')));
    }

    [Fact]
    public void No_results_directory_means_no_files() => Assert.Empty(CoverageRunner.CollectedFiles(Path.Combine(root.Path, "none")));
}
