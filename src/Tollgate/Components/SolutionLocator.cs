namespace Tollgate;

/// <summary>Finds the solution to build: the one given, or the one solution file at the root.</summary>
internal static class SolutionLocator
{
    /// <summary>The solution or project path, or an error naming what was found and the fix.</summary>
    public static AbsolutePath Locate(AbsolutePath root, AbsolutePath? given)
    {
        if (given is not null)
        {
            return File.Exists(given)
                ? given
                : throw new BuildException($"--solution {given.RelativeTo(root)}: no such file; point it at a .sln, .slnx, .slnf or project file.");
        }

        var solutions = Directory.GetFiles(root, "*.sln").Concat(Directory.GetFiles(root, "*.slnx")).Order(StringComparer.Ordinal).ToList();
        return solutions.Count switch
        {
            1 => new AbsolutePath(solutions[0]),
            0 => throw new BuildException($"No .sln or .slnx file in {root}; create one (dotnet new sln) or pass --solution PATH."),
            _ => throw new BuildException($"Several solution files in {root} ({string.Join(", ", solutions.Select(Path.GetFileName))}); pick one with --solution PATH."),
        };
    }
}
