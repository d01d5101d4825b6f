using System.Text.Json;

namespace Tollgate.Engine;

/// <summary>
/// The raw values of every source, looked up in precedence order: command line, environment
/// (<c>TOLLGATE_</c> variables only, the rest case and <c>_</c> insensitive), profile files
/// (<c>.nuke/parameters.NAME.json</c>, later profiles win) and <c>.nuke/parameters.json</c>.
/// </summary>
internal sealed class ParameterSources
{
    /// <summary>The environment-variable prefix that marks a variable as Tollgate's.</summary>
    public const string EnvironmentPrefix = "TOLLGATE_";

    private readonly IReadOnlyDictionary<string, RawValue> commandLine;
    private readonly IReadOnlyDictionary<string, RawValue> environment;
    private readonly IReadOnlyList<IReadOnlyDictionary<string, RawValue>> files;

    private ParameterSources(
        IReadOnlyDictionary<string, RawValue> commandLine,
        IReadOnlyDictionary<string, RawValue> environment,
        IReadOnlyList<IReadOnlyDictionary<string, RawValue>> files)
    {
        this.commandLine = commandLine;
        this.environment = environment;
        this.files = files;
    }

    /// <summary>Reads every source. Keys everywhere are normalized names.</summary>
    /// <param name="commandLine">Parameters given as arguments, by name as typed.</param>
    /// <param name="environment">The process environment.</param>
    /// <param name="nukeDirectory">The <c>.nuke</c> directory of the root.</param>
    /// <param name="profiles">Profile names from <c>--profile</c>, in the order given.</param>
    public static ParameterSources Load(
        IReadOnlyDictionary<string, IReadOnlyList<string>> commandLine,
        IReadOnlyDictionary<string, string> environment,
        AbsolutePath nukeDirectory,
        IReadOnlyList<string> profiles)
    {
        var cli = commandLine.ToDictionary(
            kv => Names.Normalize(kv.Key),
            kv => new RawValue(kv.Value, ParameterSource.CommandLine, "--" + kv.Key));

        // Only TOLLGATE_ variables: a bare name would make the shell's own ENV or CONFIGURATION a parameter.
        var env = new Dictionary<string, RawValue>();
        foreach (var (key, value) in environment
                     .Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase) && e.Key.Length > EnvironmentPrefix.Length)
                     .OrderBy(e => e.Key, StringComparer.Ordinal)
                     .Select(e => (e.Key, e.Value)))
        {
            env[Names.Normalize(key[EnvironmentPrefix.Length..])] = new RawValue([value], ParameterSource.Environment, $"environment variable {key}", SplitsLists: true);
        }

        var layers = new List<IReadOnlyDictionary<string, RawValue>>();
        foreach (var profile in profiles.Reverse())
        {
            var path = nukeDirectory / $"parameters.{profile}.json";
            if (!File.Exists(path))
            {
                var known = Directory.Exists(nukeDirectory)
                    ? Directory.GetFiles(nukeDirectory, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length])
                    : [];
                throw new BuildException($"Profile '{profile}' has no file {path}.{Names.DidYouMean(profile, known)} Create it or pick another --profile.");
            }

            layers.Add(ReadFile(path, $"{RootDirectory.Marker}/parameters.{profile}.json", ParameterSource.Profile));
        }

        var defaults = nukeDirectory / "parameters.json";
        if (File.Exists(defaults))
        {
            layers.Add(ReadFile(defaults, $"{RootDirectory.Marker}/parameters.json", ParameterSource.ParametersFile));
        }

        return new ParameterSources(cli, env, layers);
    }

    /// <summary>Names given on the command line, normalized.</summary>
    public IEnumerable<(string Name, RawValue Value)> CommandLineValues => commandLine.Select(kv => (kv.Key, kv.Value));

    /// <summary>Names given in the parameter and profile files, normalized.</summary>
    public IEnumerable<(string Name, RawValue Value)> FileValues => files.SelectMany(f => f.Select(kv => (kv.Key, kv.Value)));

    /// <summary>The value of the parameter with this normalized name from the highest source that has it.</summary>
    public RawValue? Find(string normalizedName)
    {
        if (commandLine.TryGetValue(normalizedName, out var value) || environment.TryGetValue(normalizedName, out value))
        {
            return value;
        }

        foreach (var layer in files)
        {
            if (layer.TryGetValue(normalizedName, out value))
            {
                return value;
            }
        }

        return null;
    }

    private static Dictionary<string, RawValue> ReadFile(string path, string shownAs, ParameterSource source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new BuildException($"{path} is not valid JSON (line {exception.LineNumber + 1}): {exception.Message.Split('.')[0]}. Fix the file.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new BuildException($"{path} must hold a JSON object of parameter names and values, e.g. {{ \"Configuration\": \"Release\" }}.");
            }

            var values = new Dictionary<string, RawValue>();
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "$schema"))
            {
                var origin = $"{shownAs} (\"{property.Name}\")";
                values[Names.Normalize(property.Name)] = new RawValue(Words(property.Value, origin), source, origin);
            }

            return values;
        }
    }

    private static List<string> Words(JsonElement value, string origin) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().SelectMany(v => Words(v, origin)).ToList(),
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.True => ["true"],
        JsonValueKind.False => ["false"],
        _ => throw new BuildException($"{origin}: {value.ValueKind} is not a parameter value; use a string, number, bool or array."),
    };
}
