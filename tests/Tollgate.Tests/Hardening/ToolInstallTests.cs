using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.Dotnet;
using Tollgate.Tools.ReportGenerator;

namespace Tollgate.Tests.Hardening;

/// <summary>A pinned tool whose install was broken (a file deleted or cut short) is installed again, not run broken.</summary>
[Trait("Category", "Integration")]
public sealed class ToolInstallTests
{
    [Fact]
    public async Task A_broken_install_is_repaired_on_next_use()
    {
        using var tools = new TempDirectory(withNuke: false);
        var runner = new ProcessRunner(BuildLog.Console(Verbosity.Quiet, new Tollgate.Engine.SecretMasker()));
        var installer = new DotnetTools(runner, tools.Path);
        var version = PolicyDefaults.Current.ToolVersion(ReportGeneratorTool.Package);
        var executable = await installer.EnsureAsync(ReportGeneratorTool.Package, version, ReportGeneratorTool.Command, CancellationToken.None);
        var entryPoints = Directory.GetFiles(Path.Combine(tools.Path, ".store"), "ReportGenerator.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        File.WriteAllBytes(entryPoints[^1], []); // cut short, as a full disk or a killed copy leaves it

        var again = await installer.EnsureAsync(ReportGeneratorTool.Package, version, ReportGeneratorTool.Command, CancellationToken.None);

        Assert.Equal(executable, again);
        Assert.All(
            Directory.GetFiles(Path.Combine(tools.Path, ".store"), "ReportGenerator.dll", SearchOption.AllDirectories),
            dll => Assert.True(new FileInfo(dll).Length > 0, $"{dll} was installed again"));
        var help = await runner.RunAsync(new ProcessSpec(again, ["-help"], tools.Path, TimeSpan.FromMinutes(1)), CancellationToken.None);
        Assert.Contains("ReportGenerator", help.Output + help.Error, StringComparison.Ordinal);
    }
}
