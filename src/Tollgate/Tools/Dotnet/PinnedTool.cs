namespace Tollgate.Tools.Dotnet;

/// <summary>A .NET tool a gate drives: the version Tollgate pins, where it installs it, and a program the build names instead.</summary>
/// <param name="Directory">Where Tollgate installs its pinned tools (<c>.nuke/temp/tools</c>).</param>
/// <param name="Version">The pinned version (from the policy).</param>
/// <param name="Given">A program to run instead (<c>--stryker-executable</c>, …); null: the pinned one.</param>
internal sealed record PinnedTool(string Directory, string Version, string? Given = null);
