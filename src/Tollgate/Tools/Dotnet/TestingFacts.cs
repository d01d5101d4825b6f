namespace Tollgate.Tools.Dotnet;

/// <summary>
/// What a project says of itself as a test project, and the one rule that turns it into a <see cref="TestPlatform"/>:
/// the Test, Coverage and Mutation gates read these facts from the build, <c>Tollgate.Init</c> from the project files,
/// and both decide through <see cref="Platform"/>.
/// </summary>
/// <param name="IsTestProject">MSBuild's <c>IsTestProject</c> (Microsoft.NET.Test.Sdk and MSTest.Sdk set it).</param>
/// <param name="IsTestingPlatformApplication">MSBuild's <c>IsTestingPlatformApplication</c> (every Microsoft.Testing.Platform test application sets it, xunit.v3's included).</param>
/// <param name="DotnetTestSupport"><c>TestingPlatformDotnetTestSupport</c>: the project asks <c>dotnet test</c> to run it on the platform.</param>
/// <param name="OptIn">One of <c>EnableMSTestRunner</c>, <c>EnableNUnitRunner</c>, <c>UseMicrosoftTestingPlatformRunner</c> is true.</param>
/// <param name="Packages">The platform packages it was built with, by id: <c>Microsoft.Testing.Platform</c>, <c>Microsoft.Testing.Extensions.TrxReport</c>, <c>Microsoft.Testing.Extensions.HangDump</c>, <c>coverlet.MTP</c>, <c>xunit.v3.extensibility.core</c>.</param>
/// <param name="Supplied">The extensions Tollgate added to its build (<see cref="PlatformExtensions"/>), by id; the rest of <paramref name="Packages"/> are its own.</param>
/// <param name="XunitPlatformEntry">xunit.v3's <c>UseMicrosoftTestingPlatformRunner</c>: the application enters the platform when run directly, not only under <c>dotnet test</c>.</param>
internal sealed record TestingFacts(
    bool IsTestProject, bool IsTestingPlatformApplication, bool DotnetTestSupport, bool OptIn, IReadOnlyDictionary<string, string>? Packages = null,
    IReadOnlyDictionary<string, string>? Supplied = null, bool XunitPlatformEntry = false)
{
    /// <summary>The package of Microsoft's TRX extension.</summary>
    public const string TrxExtension = "Microsoft.Testing.Extensions.TrxReport";

    /// <summary>The package of coverlet's extension for the platform.</summary>
    public const string CoverletExtension = "coverlet.MTP";

    /// <summary>The package of Microsoft's hang extension, which stops a test application whose tests stop progressing and names them.</summary>
    public const string HangExtension = "Microsoft.Testing.Extensions.HangDump";

    /// <summary>The platform's own package.</summary>
    public const string PlatformPackage = "Microsoft.Testing.Platform";

    /// <summary>The package whose presence means xunit.v3, which writes TRX itself (<c>--report-xunit-trx</c>).</summary>
    public const string XunitV3Package = "xunit.v3.extensibility.core";

    /// <summary>Not a test project.</summary>
    public static readonly TestingFacts None = new(false, false, false, false);

    /// <summary>The platform packages (none when the build did not say).</summary>
    public IReadOnlyDictionary<string, string> PlatformPackages => Packages ?? new Dictionary<string, string>();

    /// <summary>The extensions Tollgate supplied (none when the build did not say).</summary>
    public IReadOnlyDictionary<string, string> SuppliedPackages => Supplied ?? new Dictionary<string, string>();

    /// <summary>Whether the project references <paramref name="package"/> itself (not through Tollgate's supply).</summary>
    public bool Owns(string package) => PlatformPackages.ContainsKey(package) && !SuppliedPackages.ContainsKey(package);

    /// <summary>
    /// Whether the application, run directly, runs its tests on the platform with the platform's options, as <c>dotnet test</c>
    /// runs it: every application whose entry point is the platform's; an xunit.v3 one only with <c>UseMicrosoftTestingPlatformRunner</c>
    /// (otherwise its own console runner answers unless <c>dotnet test</c> starts it).
    /// </summary>
    public bool RunsDirectly => !PlatformPackages.ContainsKey(XunitV3Package) || XunitPlatformEntry;

    /// <summary>The major version of the platform it was built with; null when unknown.</summary>
    public int? PlatformMajor => PlatformPackages.TryGetValue(PlatformPackage, out var version) && int.TryParse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : null;

    /// <summary>
    /// The platform the tests run on, or null for a project that is no test project. A test application of the
    /// platform runs on it when the repository runs <c>dotnet test</c> in its mode (<c>global.json</c>), when the
    /// project opts in, or when nothing makes it a VSTest project (no Microsoft.NET.Test.Sdk); an xunit.v3 project
    /// with Microsoft.NET.Test.Sdk and the VSTest adapter and no opt-in is a VSTest project, as <c>dotnet test</c> runs it.
    /// </summary>
    /// <param name="repositoryUsesPlatform">The repository's <c>global.json</c> names Microsoft.Testing.Platform as the test runner.</param>
    public TestPlatform? Platform(bool repositoryUsesPlatform)
    {
        var application = IsTestingPlatformApplication || OptIn;
        if (!application)
        {
            return IsTestProject ? TestPlatform.VSTest : null;
        }

        return repositoryUsesPlatform || OptIn || DotnetTestSupport || !IsTestProject ? TestPlatform.TestingPlatform : TestPlatform.VSTest;
    }

    /// <summary>Whether it is a test project on either platform.</summary>
    public bool IsTest => Platform(repositoryUsesPlatform: false) is not null;
}
