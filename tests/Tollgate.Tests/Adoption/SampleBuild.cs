using Tollgate.Tests.Support;

namespace Tollgate.Tests.Adoption;

/// <summary>What a consuming repository with the built gates writes.</summary>
public sealed class SampleBuild : TollgateBuild, ILint, ICoverage, IVerify, IUseSharedTools;

/// <summary>A consuming repository that changes how two tools run through the settings hooks.</summary>
public sealed class TunedSampleBuild : TollgateBuild, ILint, ICoverage, IUseSharedTools
{
    Configure<DotnetTestSettings> ITest.TestSettings => settings => settings with { BlameHangTimeout = "10m" };

    Configure<DotnetFormatSettings> ILint.FormatSettings => settings => settings.AddArguments("--exclude", "does-not-exist/");
}
