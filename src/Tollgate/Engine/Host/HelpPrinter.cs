namespace Tollgate.Engine;

/// <summary>Prints <c>--help</c>: targets with dependencies and descriptions, parameters with type, default, value and source.</summary>
internal static class HelpPrinter
{
    /// <summary>Prints the help.</summary>
    public static void Print(BuildLog log, AbsolutePath root, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ResolvedParameter> parameters, string? defaultTarget)
    {
        log.Always($"Tollgate {TollgateVersion.Current} — build at {root}");
        log.Always("");
        log.Always("Usage: ./build.sh [targets…] [--parameter value…] [--skip [targets…]] [--plan] [--help]");
        log.Always("");
        log.Always("Targets (* = default):");
        var nameWidth = targets.Max(t => t.Name.Length) + 2;
        foreach (var target in targets)
        {
            var mark = Names.Normalize(target.Name) == Names.Normalize(defaultTarget ?? "") ? "*" : " ";
            var dependencies = target.Dependencies.Count == 0 ? "" : $" (after {string.Join(", ", target.Dependencies)})";
            log.Always($"  {mark}{target.Name.PadRight(nameWidth)}{target.Description}{dependencies}");
        }

        log.Always("");
        log.Always("Parameters (--kebab-case, or environment variable, or .nuke/parameters.json):");
        var width = parameters.Count == 0 ? 0 : parameters.Max(p => Usage(p.Descriptor).Length) + 2;
        foreach (var parameter in parameters)
        {
            var descriptor = parameter.Descriptor;
            log.Always($"  {Usage(descriptor).PadRight(width)}{descriptor.Description}");
            var fallback = descriptor.IsSecret ? "" : ResolvedParameter.Format(parameter.DefaultValue, root);
            var line = $"  {"".PadRight(width)}default: {(fallback.Length == 0 ? "(none)" : fallback)}";
            if (parameter.IsOverridden)
            {
                line += $"; now: {parameter.Display(root)} (from {parameter.Origin})";
            }

            log.Always(line);
        }

        log.Always("");
        log.Always("Options: --target A B | --skip [A B] | --plan | --root DIR | --profile NAME | --verbosity quiet|minimal|normal|verbose | --max-parallel N | --no-wait | --help");
    }

    private static string Usage(ParameterDescriptor descriptor) =>
        $"--{descriptor.KebabName} <{TypeName(descriptor.Type)}>{(descriptor.IsSecret ? " (secret)" : "")}";

    /// <summary>A short name for a parameter type.</summary>
    public static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "…";
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(string) => "text",
            _ when target == typeof(bool) => "bool",
            _ when target == typeof(int) || target == typeof(long) => "int",
            _ when target == typeof(double) => "number",
            _ when target == typeof(AbsolutePath) => "path",
            _ when target.IsEnum => string.Join("|", Enum.GetNames(target)),
            _ => target.Name,
        };
    }
}
