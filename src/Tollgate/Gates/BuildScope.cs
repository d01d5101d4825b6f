using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates;

/// <summary>
/// The one build a gate works on, as every gate's inputs name it: the repository, what the build said of each project,
/// what it built and how.
/// </summary>
/// <param name="Root">The repository root.</param>
/// <param name="Built">The build's facts: every project and framework it built.</param>
/// <param name="BuildTarget">The solution, or the selection of its projects Tollgate wrote.</param>
/// <param name="Configuration">The configuration built.</param>
/// <param name="Properties">MSBuild properties of the run (<c>Name=Value</c>), given to every tool that builds.</param>
internal sealed record BuildScope(string Root, IReadOnlyList<ProjectInfo> Built, string BuildTarget, string Configuration, IReadOnlyList<string> Properties);
