using Tollgate.Tools;

namespace Tollgate;

/// <summary>
/// A build's settings hooks, gathered from the components it has (<c>ITest.TestSettings</c>, <c>IPackage.PackSettings</c>, …):
/// what every step is handed, so that each tool run it makes is changed by the build's hook before its command line exists.
/// </summary>
internal static class BuildToolHooks
{
    /// <summary>The hooks of every component <paramref name="build"/> has.</summary>
    public static ToolHooks Of(ITollgateBuild build)
    {
        var hooks = ToolHooks.None;
        if (build is ICompile compile)
        {
            hooks = hooks.With(compile.BuildSettings);
        }

        if (build is ILint lint)
        {
            hooks = hooks.With(lint.FormatSettings);
        }

        if (build is ITest test)
        {
            hooks = hooks.With(test.TestSettings);
        }

        if (build is ICoverage coverage)
        {
            hooks = hooks.With(coverage.ReportGeneratorSettings);
        }

        if (build is IMutation mutation)
        {
            hooks = hooks.With(mutation.StrykerSettings);
        }

        if (build is IPackage package)
        {
            hooks = hooks.With(package.PackSettings).With(package.PushSettings).With(package.PublishSettings).With(package.CycloneDxSettings).With(package.DockerBuildSettings);
        }

        if (build is ISecurityScan scan)
        {
            hooks = hooks.With(scan.TrivySettings);
        }

        return hooks;
    }
}
