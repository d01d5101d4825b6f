using Tollgate.Tools.Dotnet;

namespace Tollgate.Tools.CycloneDx;

/// <summary>
/// The CycloneDX module for .NET (<c>dotnet-CycloneDX</c>, pinned in the policy): a CycloneDX 1.6 JSON SBOM of one
/// project from the restore the build already did (no restore of its own, no network: package hashes come from
/// the NuGet cache).
/// </summary>
internal sealed class CycloneDxTool(ProcessRunner runner, string program)
{
    public const string Package = "CycloneDX";

    public const string Command = "dotnet-CycloneDX";

    /// <summary>The run that writes <paramref name="output"/>/<paramref name="fileName"/> for <paramref name="project"/> as a library named <paramref name="name"/> at <paramref name="version"/>, as the hook leaves it.</summary>
    public static CycloneDxSettings Settings(ToolHooks? hooks, string project, string name, string version, string output, string fileName) =>
        (hooks ?? ToolHooks.None).Apply(new CycloneDxSettings { Project = project, Output = output, FileName = fileName, Name = name, Version = version });

    /// <summary>Writes the SBOM <paramref name="settings"/> describe and returns its path.</summary>
    /// <exception cref="InvalidDataException">The tool failed or wrote nothing; the message says why.</exception>
    public async Task<string> WriteAsync(string root, CycloneDxSettings settings, CancellationToken cancellation)
    {
        var (project, output, fileName) = (settings.Project, settings.Output, settings.FileName);
        Directory.CreateDirectory(output);
        var result = await runner.RunAsync(settings.ToProcess(program, root, TimeSpan.FromMinutes(10), installHint: DotnetCli.InstallHint), cancellation).ConfigureAwait(false);
        var sbom = Path.Combine(output, fileName);
        return result.Succeeded && File.Exists(sbom)
            ? sbom
            : throw new InvalidDataException($"{Command} on {Path.GetFileName(project)} failed (exit {result.ExitCode}) and wrote no SBOM: {result.Tail(3).ReplaceLineEndings(" ")}");
    }

    /// <summary>The arguments: a JSON CycloneDX 1.6 SBOM of a library, from the build's restore, without test projects or a serial number.</summary>
    public static IReadOnlyList<string> Arguments(string project, string output, string fileName, string name, string version) =>
        [project, "--output", output, "--filename", fileName, "--output-format", "Json", "--spec-version", "1.6", "--disable-package-restore",
            "--set-name", name, "--set-version", version, "--set-type", "Library", "--exclude-test-projects", "--no-serial-number"];
}
