using Tollgate.IO;

namespace Tollgate.Tools.Dotnet;

/// <summary>Installs the .NET tools the gates drive, at the versions Tollgate pins, into a folder of its own (<c>.nuke/temp/tools</c>).</summary>
internal sealed class DotnetTools(ProcessRunner runner, string toolPath)
{
    /// <summary>The path of <paramref name="command"/> from <paramref name="package"/> at <paramref name="version"/>, installed on first use.</summary>
    /// <exception cref="ToolNotFoundException">The install failed; the message says why and what to do.</exception>
    public async Task<string> EnsureAsync(string package, string version, string command, CancellationToken cancellation)
    {
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? command + ".exe" : command);
        var installed = Path.Combine(toolPath, ".store", package.ToLowerInvariant(), version);
        bool Installed() => File.Exists(executable) && Directory.Exists(installed) && IsIntact(executable, installed);
        if (Installed())
        {
            return executable;
        }

        using var held = await InstallLock.AcquireAsync(toolPath, cancellation).ConfigureAwait(false);
        if (Installed())
        {
            return executable; // another run installed it while this one waited
        }

        if (File.Exists(executable) || Directory.Exists(Path.Combine(toolPath, ".store", package.ToLowerInvariant())))
        {
            // Another version, or a broken install (a file deleted or cut short): replace it with the pinned one.
            var uninstall = await runner.RunAsync(
                new ProcessSpec(DotnetCli.Program, ["tool", "uninstall", package, "--tool-path", toolPath], toolPath, TimeSpan.FromMinutes(2)) { Incidental = true }, cancellation).ConfigureAwait(false);
            if (!uninstall.Succeeded || File.Exists(executable))
            {
                File.Delete(executable);
                var store = Path.Combine(toolPath, ".store", package.ToLowerInvariant());
                if (Directory.Exists(store))
                {
                    Directory.Delete(store, recursive: true);
                }
            }
        }

        Directory.CreateDirectory(toolPath);
        var install = await runner.RunAsync(
            new ProcessSpec(DotnetCli.Program, DotnetCli.ToolInstall(package, version, toolPath), toolPath, TimeSpan.FromMinutes(10), InstallHint: DotnetCli.InstallHint) { Incidental = true },
            cancellation).ConfigureAwait(false);
        if (!install.Succeeded || !File.Exists(executable))
        {
            throw new ToolNotFoundException(
                command,
                $"Installing {package} {version} into {toolPath} failed (exit {install.ExitCode}): {install.Tail(3).ReplaceLineEndings(" ")}. Check that the NuGet feed serves {package} {version}.");
        }

        return executable;
    }

    // An install is whole when its launcher is there and not empty, and every entry point its DotnetToolSettings.xml files
    // name (one per target framework) is there and not empty.
    private static bool IsIntact(string executable, string installed)
    {
        if (new FileInfo(executable).Length == 0)
        {
            return false;
        }

        var settings = Directory.EnumerateFiles(installed, "DotnetToolSettings.xml", SearchOption.AllDirectories).ToList();
        return settings.Count > 0 && settings.All(EntryPointIntact);
    }

    private static bool EntryPointIntact(string settings)
    {
        try
        {
            var entryPoint = System.Xml.Linq.XDocument.Load(settings).Descendants("Command").Select(c => (string?)c.Attribute("EntryPoint")).FirstOrDefault();
            var file = entryPoint is null ? null : new FileInfo(Path.Combine(Path.GetDirectoryName(settings)!, entryPoint));
            return file is { Exists: true, Length: > 0 };
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }
}
