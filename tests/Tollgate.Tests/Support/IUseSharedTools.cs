namespace Tollgate.Tests.Support;

/// <summary>
/// A test build whose tools (ReportGenerator, Stryker, CycloneDX) come from the one folder the tests share, as a CI agent's
/// tool cache would serve them: installed once for the whole suite instead of once per repository copy. Installing into the
/// default folder (<c>.nuke/temp/tools</c>) stays covered by the adoption and tool-install tests, which do not use this.
/// </summary>
public interface IUseSharedTools : ITollgateBuild
{
    AbsolutePath ITollgateBuild.ToolsDirectory => new(SharedTools.Path);
}
