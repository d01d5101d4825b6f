namespace Tollgate.Tools.Dotnet;

/// <summary>Installs the .NET tools the gates drive, at the versions Tollgate pins, into a folder of its own (<c>.nuke/temp/tools</c>).</summary>
public sealed class DotnetTools(ProcessRunner runner, string toolPath)
{
    /// <summary>The path of <paramref name="command"/> from <paramref name="package"/> at <paramref name="version"/>, installed on first use.</summary>
    /// <exception cref="ToolNotFoundException">The install failed; the message says why and what to do.</exception>
    public async Task<string> EnsureAsync(string package, string version, string command, CancellationToken cancellation)
    {
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? command + ".exe" : command);
        var installed = Path.Combine(toolPath, ".store", package.ToLowerInvariant(), version);
        if (File.Exists(executable) && Directory.Exists(installed))
        {
            return executable;
        }

        if (File.Exists(executable))
        {
            // Another version is installed: replace it with the pinned one.
            await runner.RunAsync(new ProcessSpec(DotnetCli.Program, ["tool", "uninstall", package, "--tool-path", toolPath], toolPath, TimeSpan.FromMinutes(2)), cancellation).ConfigureAwait(false);
        }

        Directory.CreateDirectory(toolPath);
        var install = await runner.RunAsync(
            new ProcessSpec(DotnetCli.Program, DotnetCli.ToolInstall(package, version, toolPath), toolPath, TimeSpan.FromMinutes(10), InstallHint: DotnetCli.InstallHint),
            cancellation).ConfigureAwait(false);
        if (!install.Succeeded || !File.Exists(executable))
        {
            throw new ToolNotFoundException(
                command,
                $"Installing {package} {version} into {toolPath} failed (exit {install.ExitCode}): {install.Tail(3).ReplaceLineEndings(" ")}. Check that the NuGet feed serves {package} {version}.");
        }

        return executable;
    }
}
