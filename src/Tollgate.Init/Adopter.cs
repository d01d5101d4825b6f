using System.Text.Json;
using Tollgate.Ci;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Init;

/// <summary>
/// Adopts Tollgate in an existing repository: writes the build project (referencing Tollgate at the version
/// of this tool), <c>Build.cs</c>, the bootstrap scripts, <c>.nuke/parameters.json</c> with the detected
/// solution and, when asked, a CI file; adds <c>.nuke/temp/</c> and <c>artifacts/</c> to <c>.gitignore</c> and
/// un-ignores the build project when an ignore rule hides it. Never overwrites a file: a different one already
/// there stays, and Tollgate's goes beside it under a name the report gives.
/// </summary>
internal sealed class Adopter(string root, string tollgateVersion)
{
    private readonly List<AdoptionStep> steps = [];

    /// <summary>Runs the adoption and returns what it did, step by step.</summary>
    /// <exception cref="AdoptionException">The repository cannot be adopted as it is; the message says why and what to do.</exception>
    public AdoptionReport Run(AdoptionOptions options)
    {
        var solution = FindSolution(options.Solution);
        var projects = SolutionProjects.Of(Path.Combine(root, solution));
        var tests = projects.Where(ProjectKind.IsTestProject).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var withoutCollector = tests.Where(t => !ProjectKind.HasCoverageCollector(Path.Combine(root, t))).ToList();

        // Where Tollgate's build project goes: build/, unless another build system's project is there.
        var buildDirectory = File.Exists(Path.Combine(root, "build", "_build.csproj")) && !IsTollgateProject(Path.Combine(root, "build", "_build.csproj"))
            ? "tollgate"
            : "build";
        Write($"{buildDirectory}/_build.csproj", Templates.BuildProject(tollgateVersion), beside: null);
        Write($"{buildDirectory}/Build.cs", Templates.BuildClass, beside: null);
        Write($"{buildDirectory}/Directory.Build.props", Templates.BuildFolderProps, beside: null);
        Write($"{buildDirectory}/Directory.Build.targets", Templates.BuildFolderTargets, beside: null);

        // The bootstrap scripts: build.* unless the repository has its own; then tollgate.*, pointing at the same build project.
        var ownScripts = new[] { "build.sh", "build.cmd", "build.ps1" }.Any(s => File.Exists(Path.Combine(root, s)) && !Templates.IsTollgateScript(File.ReadAllText(Path.Combine(root, s))));
        var scriptName = ownScripts || buildDirectory != "build" ? "tollgate" : "build";
        foreach (var (extension, text) in Templates.Scripts(scriptName, buildDirectory))
        {
            Write($"{scriptName}{extension}", text, beside: null, executable: extension == ".sh");
        }

        if (ownScripts)
        {
            steps.Add(new AdoptionStep("build.sh, build.cmd, build.ps1", "kept", $"the repository's own bootstrap scripts stay (its CI may run them); Tollgate's are {scriptName}.sh, .cmd and .ps1"));
        }

        if (buildDirectory != "build")
        {
            steps.Add(new AdoptionStep("build/_build.csproj", "kept", $"another build system's project is there; Tollgate's build project is {buildDirectory}/_build.csproj"));
        }

        Write(".nuke/parameters.json", Parameters(solution), beside: null);
        if (options.Ci is { } host)
        {
            var template = CiTemplate.For(host);
            var text = scriptName == "build" ? template.Text : template.Text.Replace("./build.sh", $"./{scriptName}.sh", StringComparison.Ordinal);
            Write(template.Target, text, beside: template.Target + ".tollgate");
        }

        GitIgnore.Ensure(root, buildDirectory, steps);
        var next = $"./{scriptName}.sh Test";
        return new AdoptionReport(solution, tests, withoutCollector, steps, next);
    }

    private string FindSolution(string? given)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(root, given))
                ? given.Replace('\\', '/')
                : throw new AdoptionException($"--solution {given}: no such file below {root}; name a .sln, .slnx or project file.");
        }

        var found = Directory.GetFiles(root, "*.sln").Concat(Directory.GetFiles(root, "*.slnx")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new AdoptionException($"No .sln or .slnx at {root}: run tollgate-init at the repository's root, or create one (dotnet new sln, dotnet sln add …), or pass --solution PATH."),
            _ => throw new AdoptionException($"Several solutions at {root} ({string.Join(", ", found)}): pick the one CI builds with --solution NAME."),
        };
    }

    private static string Parameters(string solution) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["$schema"] = "./build.schema.json", ["Solution"] = solution }, JsonOptions) + "\n";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static bool IsTollgateProject(string path) => File.ReadAllText(path).Contains("Tollgate", StringComparison.Ordinal);

    // Writes a file that is not there; leaves one with the same text; never replaces a different one: writes beside it, or keeps it.
    private void Write(string relative, string text, string? beside, bool executable = false)
    {
        var path = Path.Combine(root, relative);
        if (File.Exists(path))
        {
            if (File.ReadAllText(path).ReplaceLineEndings("\n") == text.ReplaceLineEndings("\n"))
            {
                steps.Add(new AdoptionStep(relative, "unchanged", "already Tollgate's"));
                return;
            }

            if (beside is null)
            {
                steps.Add(new AdoptionStep(relative, "kept", "a file of the repository's own is there; Tollgate left it as it is"));
                return;
            }

            relative = beside;
            path = Path.Combine(root, relative);
            if (File.Exists(path))
            {
                steps.Add(new AdoptionStep(relative, "kept", "already there"));
                return;
            }

            steps.Add(new AdoptionStep(relative, "written beside", $"the repository has its own {Path.GetFileName(beside[..^".tollgate".Length])}; compare the two and keep what you need"));
        }
        else
        {
            steps.Add(new AdoptionStep(relative, "created", ""));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
