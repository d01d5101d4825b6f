using System.Text.Json.Nodes;

namespace Tollgate.Tools.Trivy;

/// <summary>
/// Runs Trivy through the process runner: its version (<c>trivy version --format json</c>) and its
/// scans, always with JSON output to a file, exit code 0 (the gate judges, not Trivy), Tollgate's
/// cache directory, an explicit empty config and ignore file (so no <c>trivy.yaml</c> or
/// <c>.trivyignore</c> is read behind the policy's back), and the hidden <c>TRIVY_*</c> inputs removed.
/// </summary>
/// <param name="runner">The process runner.</param>
/// <param name="executable">The Trivy program: <c>trivy</c> on PATH, or a path.</param>
/// <param name="workDirectory">Where Trivy runs and keeps its cache: <c>.nuke/temp/trivy</c>.</param>
/// <param name="environment">The build's environment, for the <c>TRIVY_*</c> variables.</param>
/// <param name="hooks">The build's hooks; its <see cref="TrivySettings"/> one changes each scan.</param>
internal sealed class TrivyTool(ProcessRunner runner, string executable, string workDirectory, TrivyEnvironment environment, ToolHooks hooks)
{
    /// <summary>The program's name.</summary>
    public const string Program = "trivy";

    /// <summary>What to do when Trivy is missing.</summary>
    public const string InstallHint =
        "Install Trivy (https://trivy.dev/latest/getting-started/installation/), or waive the scanner 'trivy' with a reason in .nuke/security.json.";

    /// <summary>Where Trivy keeps its vulnerability database.</summary>
    public string CacheDirectory => Path.Combine(workDirectory, "cache");

    /// <summary>The installed version, e.g. <c>0.58.1</c>.</summary>
    /// <exception cref="ToolNotFoundException">Trivy is not installed.</exception>
    /// <exception cref="InvalidDataException">Its answer is not the JSON its documentation describes.</exception>
    public async Task<string> VersionAsync(CancellationToken cancellation)
    {
        var result = await RunAsync(["version", "--format", "json"], cancellation).ConfigureAwait(false);
        try
        {
            if (result.Succeeded && JsonNode.Parse(result.Output)?["Version"]?.GetValue<string>() is { Length: > 0 } version)
            {
                return version.TrimStart('v');
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // reported below
        }

        throw new InvalidDataException($"'{executable} version --format json' gave no version (exit {result.ExitCode}): {FirstLine(result.Error + result.Output)}");
    }

    /// <summary>Runs <paramref name="scan"/>, as the build's hook changes it; the JSON report is at <see cref="TrivyScan.Output"/> afterwards.</summary>
    /// <exception cref="InvalidDataException">Trivy failed or wrote no report.</exception>
    public async Task ScanAsync(TrivyScan scan, bool offline, IReadOnlyList<string> skipDirectories, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(scan.Output)!);
        File.Delete(scan.Output);
        Directory.CreateDirectory(workDirectory);
        var settings = SettingsOf(scan, offline, skipDirectories, EmptyFile("trivy.yaml"), EmptyFile("trivyignore"));
        var result = await runner.RunAsync(settings.ToProcess(executable, workDirectory, TimeSpan.FromMinutes(20), environment.Overrides, InstallHint), cancellation).ConfigureAwait(false);
        if (!result.Succeeded || !File.Exists(scan.Output))
        {
            throw new InvalidDataException($"trivy {scan.Command} {scan.Target} failed (exit {result.ExitCode}) and wrote no report: {FirstLine(result.Error + result.Output)}");
        }
    }

    /// <summary>The run of <paramref name="scan"/> as the build's hook leaves it (the empty configuration files given by name).</summary>
    public TrivySettings SettingsOf(TrivyScan scan, bool offline, IReadOnlyList<string> skipDirectories, string? configFile = null, string? ignoreFile = null) => hooks.Apply(new TrivySettings
    {
        Command = scan.Command,
        Target = scan.Target,
        Output = scan.Output,
        Offline = offline,
        SkipDirectories = skipDirectories,
        CacheDirectory = CacheDirectory,
        ConfigFile = configFile ?? Path.Combine(workDirectory, "empty.trivy.yaml"),
        IgnoreFile = ignoreFile ?? Path.Combine(workDirectory, "empty.trivyignore"),
    });

    /// <summary>The arguments of a scan: the one place Trivy's command line is made.</summary>
    public static IReadOnlyList<string> Arguments(TrivySettings scan)
    {
        var arguments = new List<string>
        {
            scan.Command, "--format", "json", "--output", scan.Output, "--exit-code", "0",
            "--cache-dir", scan.CacheDirectory, "--config", scan.ConfigFile, "--ignorefile", scan.IgnoreFile,
        };
        if (scan.Command != "config")
        {
            // An SBOM lists packages: there is nothing in it to scan for secrets.
            arguments.AddRange(["--scanners", scan.Command == "sbom" ? "vuln" : "vuln,secret"]);
        }

        foreach (var directory in scan.Command == "sbom" ? [] : scan.SkipDirectories)
        {
            arguments.AddRange(["--skip-dirs", directory]);
        }

        if (scan.Offline)
        {
            arguments.AddRange(scan.Command == "config" ? ["--skip-check-update"] : ["--skip-db-update", "--skip-java-db-update", "--offline-scan"]);
        }

        arguments.Add(scan.Target);
        return arguments;
    }

    private async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellation)
    {
        Directory.CreateDirectory(workDirectory);
        var spec = new ProcessSpec(executable, arguments, workDirectory, TimeSpan.FromMinutes(20), environment.Overrides, InstallHint);
        return await runner.RunAsync(spec, cancellation).ConfigureAwait(false);
    }

    private string EmptyFile(string name)
    {
        var path = Path.Combine(workDirectory, "empty." + name);
        if (!File.Exists(path) || new FileInfo(path).Length != 0)
        {
            File.WriteAllText(path, "");
        }

        return path;
    }

    private static string FirstLine(string text) => text.Trim().Split('\n')[0];
}
