using Tollgate.Tools;

namespace Tollgate.Gates.SecurityScan;

/// <summary>How Trivy runs, for the SecurityScan gate and for Package's scan of what it ships.</summary>
/// <param name="Executable">The Trivy program (<c>--trivy-executable</c>).</param>
/// <param name="Offline">No database or check updates.</param>
/// <param name="MinimumVersion">The oldest Trivy accepted.</param>
/// <param name="Hooks">The build's settings hooks (its <see cref="TrivySettings"/> one changes each scan).</param>
/// <param name="Environment">The build's environment (Trivy's hidden inputs are read from it).</param>
internal sealed record TrivyOptions(string Executable, bool Offline, string MinimumVersion, ToolHooks Hooks, IReadOnlyDictionary<string, string> Environment);
