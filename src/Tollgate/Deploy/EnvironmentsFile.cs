using System.Text.Json;
using Tollgate.IO;

namespace Tollgate.Deploy;

/// <summary>
/// Reads <c>.nuke/environments.json</c> (schema: <c>environments.schema.json</c>). A mistake is an
/// <see cref="InvalidDataException"/> naming the file, the environment, the value and the fix.
/// </summary>
internal static class EnvironmentsFile
{
    /// <summary>The file's name under <c>.nuke/</c>.</summary>
    public const string FileName = "environments.json";

    /// <summary>The strategies there are.</summary>
    public static readonly IReadOnlyList<string> Strategies = ["docker", "gitops", "command"];

    /// <summary>The environment <paramref name="name"/> of the file at <paramref name="path"/>, shown as <paramref name="shownAs"/>.</summary>
    public static DeployEnvironment Read(string path, string shownAs, string name)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{shownAs} does not exist; declare the environments (dev, staging, prod) there, see environments.schema.json beside it.");
        }

        JsonSchemaCheck.Validate(path, shownAs, EmbeddedText.Read(DeploySchema.Resource));
        using (var document = JsonFile.Parse(path, shownAs))
        {
            if (!document.RootElement.TryGetProperty("environments", out var environments) || environments.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{shownAs} has no \"environments\" object; see environments.schema.json.");
            }

            if (environments.EnumerateObject().Select(e => e.Name).FirstOrDefault(e => !DeployEnvironment.IsValidName(e)) is { } bad)
            {
                throw new InvalidDataException($"{shownAs}: environment name '{bad}' is not lower-case letters, digits and dashes; rename it (e.g. prod-eu).");
            }

            if (!environments.TryGetProperty(name, out var environment))
            {
                var known = string.Join(", ", environments.EnumerateObject().Select(e => e.Name));
                throw new InvalidDataException($"--env '{name}' is not declared in {shownAs}; declared: {known}.");
            }

            return Environment(environment, name, $"{shownAs} environment '{name}'");
        }
    }

    private static DeployEnvironment Environment(JsonElement e, string name, string at)
    {
        var strategy = Text(e, "strategy", at)!;
        if (!Strategies.Contains(strategy))
        {
            throw new InvalidDataException($"{at}: strategy '{strategy}' is not one of {string.Join(", ", Strategies)}.");
        }

        var target = e.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.Object ? t : throw new InvalidDataException($"{at}: \"target\" is missing; say where the {strategy} strategy deploys.");
        var timeout = e.TryGetProperty("timeoutSeconds", out var seconds) && seconds.TryGetInt32(out var value) && value > 0 ? TimeSpan.FromSeconds(value) : TimeSpan.FromSeconds(60);
        HealthCheck? health = null;
        if (e.TryGetProperty("healthCheck", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            health = new HealthCheck(Text(h, "url", at, optional: true), Strings(h, "command", at), Text(h, "contains", at, optional: true));
            if (health.Url is null && health.Command is null)
            {
                throw new InvalidDataException($"{at}: healthCheck needs a \"url\" or a \"command\".");
            }
        }

        var approval = e.TryGetProperty("approval", out var a) ? a.GetBoolean() : DeployEnvironment.LooksLikeProduction(name);
        var trustedKeys = TrustedKeys(e, at);
        DeployEnvironment environment = strategy switch
        {
            "docker" => new DeployEnvironment(name, strategy, approval, timeout, health,
                new DockerTarget(Text(target, "image", at)!, Text(target, "container", at)!, Ports(target, at), Text(target, "socket", at, optional: true)), null, null,
                Text(e, "history", at, optional: true) ?? $".nuke/deployments/{name}.json"),
            "gitops" => new DeployEnvironment(name, strategy, approval, timeout, health, null,
                new GitOpsTarget(Text(target, "repository", at)!, Text(target, "branch", at, optional: true) ?? "main", Text(target, "valuesFile", at)!, Text(target, "key", at, optional: true) ?? "image.tag"),
                null, Text(e, "history", at, optional: true) ?? $"deployments/{name}.json"),
            _ => new DeployEnvironment(name, strategy, approval, timeout, health, null, null,
                new CommandTarget(Strings(target, "deploy", at) ?? throw new InvalidDataException($"{at}: target \"deploy\" (the command, as a list of words) is missing."), Strings(target, "rollback", at)),
                Text(e, "history", at, optional: true) ?? $".nuke/deployments/{name}.json"),
        };
        return environment with { TrustedKeys = trustedKeys };
    }

    private static IReadOnlyList<int> Ports(JsonElement target, string at)
    {
        var ports = target.TryGetProperty("ports", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(x => x.TryGetInt32(out var port) && port is > 0 and < 65536 ? port : throw new InvalidDataException($"{at}: port '{x}' is not a port number.")).ToList()
            : [];
        return ports.Count is 1 or 2 ? ports : throw new InvalidDataException($"{at}: target \"ports\" needs one port, or two for side-by-side switching, e.g. [8080, 8081].");
    }

    // "trustedKeys": ["keys/ci.pub.pem", { "key": "keys/old.pub.pem", "until": "2026-12-31" }]
    private static IReadOnlyList<TrustedKey> TrustedKeys(JsonElement environment, string at)
    {
        if (!environment.TryGetProperty("trustedKeys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return keys.EnumerateArray().Select(k => k.ValueKind == JsonValueKind.String
            ? new TrustedKey(k.GetString()!, null)
            : new TrustedKey(
                k.GetProperty("key").GetString()!,
                DateOnly.TryParseExact(k.GetProperty("until").GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until)
                    ? until
                    : throw new InvalidDataException($"{at}: trustedKeys \"until\" '{k.GetProperty("until").GetString()}' is not a day; write it as 2026-12-31."))).ToList();
    }

    private static IReadOnlyList<string>? Strings(JsonElement element, string name, string at) =>
        !element.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
            ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
            : throw new InvalidDataException($"{at}: \"{name}\" must be a list of words, e.g. [\"./deploy.sh\", \"{{version}}\"].");

    private static string? Text(JsonElement element, string name, string at, bool optional = false) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
            ? value.GetString()!.Trim()
            : optional ? null : throw new InvalidDataException($"{at}: \"{name}\" is missing or empty; add it.");
}
