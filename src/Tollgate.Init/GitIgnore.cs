using Tollgate.Engine;
using Tollgate.Tools;

namespace Tollgate.Init;

/// <summary>
/// Makes git ignore Tollgate's tool state and outputs (<c>.nuke/temp/</c>, <c>artifacts/</c>) and see the build
/// project: an ignore rule that hides it (a <c>build/</c> line is common) gets a <c>!build/</c> after it. Git itself
/// answers what is ignored (<c>git check-ignore</c>); outside a git repository the lines are added when missing.
/// </summary>
internal static class GitIgnore
{
    public static void Ensure(string root, string buildDirectory, List<AdoptionStep> steps)
    {
        var path = Path.Combine(root, ".gitignore");
        var runner = new ProcessRunner(BuildLog.Console(Verbosity.Quiet, new SecretMasker()));
        var inGit = Git(runner, root, "rev-parse", "--git-dir") == 0;
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        var added = new List<string>();
        foreach (var (entry, probe) in new[] { (".nuke/temp/", ".nuke/temp/probe"), ("artifacts/", "artifacts/probe") })
        {
            var ignored = inGit ? Git(runner, root, "check-ignore", "-q", "--no-index", probe) == 0 : lines.Any(l => l.Trim().TrimStart('/') == entry);
            if (!ignored)
            {
                added.Add(entry);
            }
        }

        var project = $"{buildDirectory}/_build.csproj";
        if (inGit && Git(runner, root, "check-ignore", "-q", "--no-index", project) == 0)
        {
            added.Add($"!{buildDirectory}/");
        }

        if (added.Count == 0)
        {
            steps.Add(new AdoptionStep(".gitignore", "unchanged", "it already ignores .nuke/temp/ and artifacts/ and shows the build project"));
            return;
        }

        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
        File.WriteAllText(path, $"{text}{separator}\n# Tollgate: tool state and outputs are not committed; the build project is.\n{string.Join("\n", added)}\n");
        steps.Add(new AdoptionStep(".gitignore", File.Exists(path) && text.Length > 0 ? "extended" : "created", $"added {string.Join(", ", added)}"));
        if (inGit && Git(runner, root, "check-ignore", "-q", "--no-index", project) == 0)
        {
            steps.Add(new AdoptionStep(project, "still ignored", $"a rule above a parent folder hides it; add it with git add -f {project}"));
        }
    }

    private static int Git(ProcessRunner runner, string root, params string[] arguments)
    {
        try
        {
            return runner.RunAsync(new ProcessSpec("git", arguments, root, TimeSpan.FromSeconds(30)), CancellationToken.None).GetAwaiter().GetResult().ExitCode;
        }
        catch (ToolNotFoundException)
        {
            return -1;
        }
    }
}
