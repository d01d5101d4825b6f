using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Tollgate.Tests.Support;

/// <summary>
/// Builds the tests start do not share the machine's result cache (<c>~/.cache/tollgate</c>): two tests building the same
/// fixture would reuse each other's results, and what a test asserts of a tool's run would depend on which ran first.
/// The cache's own tests give each build its cache (<c>--cache read-write --cache-directory …</c>), which a parameter on the command line overrides.
/// </summary>
internal static class NoSharedResultCache
{
    /// <summary>The environment variable that turns the cache off for a build.</summary>
    public const string Variable = "TOLLGATE_CACHE";

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the setting is for the builds its tests start, before any test runs.")]
    internal static void ForTheBuildsTheTestsStart() => Environment.SetEnvironmentVariable(Variable, "off");
}
