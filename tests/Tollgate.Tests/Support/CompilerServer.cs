using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Tollgate.Tests.Support;

/// <summary>
/// The integration tests start well over a hundred builds of small fixture repositories. The SDK compiles through its
/// compiler server by default; CI images often turn the server off (<c>UseSharedCompilation=false</c> in the
/// environment), and then every csc process starts Roslyn afresh: measured here, a cold build of the sample takes
/// 5.4 s of processor time without the server and 2.4 s with it. The tools the tests start compile through the server
/// again; what they build, and what Tollgate does with it, is the same either way.
/// </summary>
internal static class CompilerServer
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the setting is for the processes its tests start, before any test runs.")]
    internal static void ForTheToolsTheTestsStart() => Environment.SetEnvironmentVariable("UseSharedCompilation", "true");
}
