using System.Reflection;
using Tollgate.Ci;
using Tollgate.Init;

// tollgate-init [--root DIR] [--solution FILE] [--ci github-actions|gitlab-ci|azure-pipelines|jenkins] [--source FEED] [--tollgate-version X.Y.Z]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "-h" or "--help")
    {
        Console.WriteLine("tollgate-init [--root DIR] [--solution FILE] [--ci github-actions|gitlab-ci|azure-pipelines|jenkins] [--source FEED] [--tollgate-version X.Y.Z]");
        Console.WriteLine("Adopts Tollgate in the repository at DIR (default: here): build project, bootstrap scripts, .nuke/, .gitignore; never overwrites a file.");
        Console.WriteLine("--source FEED: the NuGet feed Tollgate comes from, recorded in the repository's nuget.config so its build project restores (pass it when you ran this tool with dotnet's --source).");
        return 0;
    }

    if (args[i] is not ("--root" or "--solution" or "--ci" or "--source" or "--tollgate-version") || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"error: '{args[i]}' is not an option of tollgate-init (or lacks its value); see tollgate-init --help.");
        return 2;
    }

    options[args[i]] = args[++i];
}

var root = Path.GetFullPath(options.GetValueOrDefault("--root", Directory.GetCurrentDirectory()));
var ci = options.GetValueOrDefault("--ci");
if (ci is not null && !CiTemplate.All.Any(t => t.Host == ci))
{
    Console.Error.WriteLine($"error: --ci {ci} is not a host Tollgate has a template for; use one of {string.Join(", ", CiTemplate.All.Select(t => t.Host))}.");
    return 2;
}

// The tool is packed with Tollgate at the same version: the build project references that one.
var version = options.GetValueOrDefault("--tollgate-version")
    ?? typeof(Adopter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
    ?? "0.1.0";
try
{
    var report = new Adopter(root, version).Run(new AdoptionOptions(options.GetValueOrDefault("--solution"), ci, options.GetValueOrDefault("--source")));
    Console.WriteLine($"Adopting Tollgate {version} in {root}");
    foreach (var line in report.Lines())
    {
        Console.WriteLine(line);
    }

    return 0;
}
catch (AdoptionException exception)
{
    Console.Error.WriteLine($"error: {exception.Message}");
    return 2;
}
