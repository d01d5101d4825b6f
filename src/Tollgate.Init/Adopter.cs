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
        var tests = projects.Select(p => (Project: p, Platform: ProjectKind.Platform(p, root)))
            .Where(p => p.Platform is not null)
            .Select(p => new TestProjectKind(Path.GetRelativePath(root, p.Project).Replace('\\', '/'), p.Platform!.Value, ProjectKind.HasCoverageCollector(p.Project, p.Platform.Value)))
            .OrderBy(t => t.Project, StringComparer.Ordinal)
            .ToList();

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

        if (options.Source is { } feed)
        {
            steps.Add(NuGetSource.Record(root, feed));
        }

        GitIgnore.Ensure(root, buildDirectory, steps);
        var next = $"./{scriptName}.sh Test";
        return new AdoptionReport(solution, tests, steps, next);
    }

    private string FindSolution(string? given)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(root, given))
                ? given.Replace('\\', '/')
                : throw new AdoptionException($"--solution {given}: no such file below {root}; name a .sln, .slnx or project file.");
        }

        var found = Solutions(root, SearchOption.TopDirectoryOnly);
        if (found.Count == 0)
        {
            // Many repositories keep the solution below the root (src/X.sln): the one there is, unless there are several.
            found = Solutions(root, SearchOption.AllDirectories);
        }

        return found.Count switch
        {
            1 => found[0],
            0 => throw new AdoptionException($"No .sln or .slnx at or below {root}: run tollgate-init at the repository's root, or create one (dotnet new sln, dotnet sln add …), or pass --solution PATH."),
            _ => throw new AdoptionException($"Several solutions in {root} ({string.Join(", ", found)}): pick the one CI builds with --solution PATH."),
        };
    }

    private static readonly string[] NotSearched = ["bin", "obj", ".git", "node_modules", "artifacts", ".nuke"];

    // Solution files, relative to the root with forward slashes; build outputs and tool folders are not searched.
    private static List<string> Solutions(string root, SearchOption depth) =>
        new[] { "*.sln", "*.slnx" }
            .SelectMany(pattern => Directory.EnumerateFiles(root, pattern, new EnumerationOptions { RecurseSubdirectories = depth == SearchOption.AllDirectories, IgnoreInaccessible = true }))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').SkipLast(1).Any(part => NotSearched.Contains(part, StringComparer.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();

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
