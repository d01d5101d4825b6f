namespace Tollgate.Tools.Dotnet;

/// <summary>
/// The program a gate runs for a .NET tool: the pinned version Tollgate installs, or one the build names
/// (<c>--stryker-executable</c>, <c>--report-generator-executable</c>: a newer build of the tool, a wrapper, or a stand-in a test
/// controls). The evidence records which: the pinned version, or <c>given: &lt;program&gt;</c>.
/// </summary>
internal sealed record ToolChoice(string Program, string Version)
{
    /// <summary>The program given by <paramref name="parameter"/> when there is one, else the pinned tool (installed on first use).</summary>
    /// <exception cref="InvalidDataException">A given path that is no file.</exception>
    /// <exception cref="ToolNotFoundException">The pinned tool could not be installed.</exception>
    public static async Task<ToolChoice> OfAsync(
        DotnetTools tools, string? given, string parameter, string root, string package, string version, string command, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return new ToolChoice(await tools.EnsureAsync(package, version, command, cancellation).ConfigureAwait(false), version);
        }

        // A bare name is looked up on PATH when it runs; a path is checked now, relative to the root.
        var isPath = given.Contains('/', StringComparison.Ordinal) || given.Contains('\\', StringComparison.Ordinal) || Path.IsPathRooted(given);
        var program = isPath ? Path.GetFullPath(given, root) : given;
        if (isPath && !File.Exists(program))
        {
            throw new InvalidDataException($"--{parameter} {given}: no such file ({program}); give the path of the program, or leave --{parameter} out to use the pinned {package} {version}.");
        }

        return new ToolChoice(program, $"given: {given}");
    }
}
