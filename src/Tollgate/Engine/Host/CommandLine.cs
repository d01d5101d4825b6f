namespace Tollgate.Engine;

/// <summary>The arguments of one run: targets, the engine's own options, and parameters.</summary>
/// <param name="Targets">Targets named positionally or with <c>--target</c>.</param>
/// <param name="Skip">Null: skip nothing; empty: <c>--skip</c> alone; otherwise the names after <c>--skip</c>.</param>
/// <param name="Help"><c>--help</c>, <c>-h</c>.</param>
/// <param name="Plan"><c>--plan</c>: print the plan and stop.</param>
/// <param name="Root"><c>--root DIR</c>.</param>
/// <param name="Verbosity"><c>--verbosity LEVEL</c>.</param>
/// <param name="Profiles"><c>--profile NAME …</c>.</param>
/// <param name="Parameters">Every other <c>--name value…</c>, by name as typed.</param>
/// <param name="NoWait"><c>--no-wait</c>: fail at once instead of waiting when another run holds the repository.</param>
/// <param name="MaxParallel"><c>--max-parallel N</c>: how many targets may run at once; null: the processor count.</param>
internal sealed record CommandLine(
    IReadOnlyList<string> Targets,
    IReadOnlyList<string>? Skip,
    bool Help,
    bool Plan,
    string? Root,
    Verbosity Verbosity,
    IReadOnlyList<string> Profiles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters,
    bool NoWait = false,
    int? MaxParallel = null)
{
    /// <summary>How many targets may run at once: <c>--max-parallel</c>, or the processor count.</summary>
    public int EffectiveMaxParallel => MaxParallel ?? Environment.ProcessorCount;

    /// <summary>Parses arguments; a malformed one is a <see cref="BuildException"/>.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var targets = new List<string>();
        List<string>? skip = null;
        bool help = false, plan = false, noWait = false;
        int? maxParallel = null;
        string? root = null;
        var verbosity = Verbosity.Normal;
        var profiles = new List<string>();
        var parameters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        var i = 0;
        while (i < args.Count && !IsOption(args[i]))
        {
            targets.Add(args[i++]);
        }

        while (i < args.Count)
        {
            var option = args[i++].TrimStart('-');
            var values = new List<string>();
            while (i < args.Count && !IsOption(args[i]))
            {
                values.Add(args[i++]);
            }

            switch (Names.Normalize(option))
            {
                case "help" or "h" or "?":
                    help = true;
                    targets.AddRange(values);
                    break;
                case "plan":
                    plan = true;
                    targets.AddRange(values); // --plan Ci
                    break;
                case "nowait":
                    noWait = values.Count == 0 ? true : throw new BuildException($"--no-wait takes no value; got {string.Join(" ", values)}.");
                    break;
                case "maxparallel":
                    var count = One(option, values, "a number of targets, 1 or more");
                    maxParallel = int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
                        ? n
                        : throw new BuildException($"--max-parallel '{count}' is not a number of targets; use 1 (one after another) or more.");
                    break;
                case "target":
                    targets.AddRange(values);
                    break;
                case "skip":
                    (skip ??= []).AddRange(values);
                    break;
                case "root":
                    root = One(option, values, "a directory");
                    break;
                case "verbosity":
                    var level = One(option, values, "quiet, minimal, normal or verbose");
                    verbosity = Enum.GetValues<Verbosity>().FirstOrDefault(v => Names.Normalize(v.ToString()) == Names.Normalize(level), (Verbosity)(-1));
                    if (!Enum.IsDefined(verbosity))
                    {
                        throw new BuildException($"--verbosity '{level}' is not a level; use quiet, minimal, normal or verbose.");
                    }

                    break;
                case "profile":
                    profiles.AddRange(values.Count > 0 ? values : throw new BuildException("--profile needs a name: --profile ci reads .nuke/parameters.ci.json."));
                    break;
                default:
                    if (option.Length == 0)
                    {
                        throw new BuildException("A lone '--' is not an option; write --name value.");
                    }

                    if (parameters.Keys.Any(k => Names.Normalize(k) == Names.Normalize(option)))
                    {
                        throw new BuildException($"--{option} is given twice; give it once (a list takes several values: --{option} A B).");
                    }

                    parameters[option] = values;
                    break;
            }
        }

        return new CommandLine(targets, skip, help, plan, root, verbosity, profiles, parameters, noWait, maxParallel);
    }

    // Options are --name (and -h, -?); "-5", "-0.5" and "-**/Generated/**" are values.
    private static bool IsOption(string arg) =>
        arg == "--" || (arg.StartsWith("--", StringComparison.Ordinal) && char.IsLetter(arg[2])) || arg is "-h" or "-?";

    private static string One(string option, List<string> values, string expected) => values.Count == 1
        ? values[0]
        : throw new BuildException($"--{option} takes one value ({expected}); got {(values.Count == 0 ? "none" : string.Join(" ", values))}.");
}
