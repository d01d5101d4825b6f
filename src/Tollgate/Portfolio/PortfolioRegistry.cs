using System.Text.Json;
using Tollgate.Ci;
using Tollgate.IO;

namespace Tollgate.Portfolio;

/// <summary>A CI template a project should use: where a project keeps it, and the digest its text has (<see cref="CiFileRecord.DigestOf"/>).</summary>
internal sealed record RegistryTemplate(string Name, string Path, string Sha256);

/// <summary>A policy value a project may weaken, and why.</summary>
internal sealed record RegistryWaiver(string Parameter, string Reason);

/// <summary>One project of the registry.</summary>
internal sealed record RegistryProject(
    string Slug, string Repository, string? Branch, RegistryTemplate? CiTemplate, IReadOnlyList<string> DeploymentTargets, IReadOnlyList<string> Environments,
    IReadOnlyList<RegistryWaiver> Waivers);

/// <summary>
/// The portfolio's registry (<c>.nuke/portfolio.json</c>, held to the shipped <c>portfolio.schema.json</c>): each project's slug,
/// repository, main branch, the CI template it should use, its deployment targets and environments, and the policy values it
/// may weaken; how many days without evidence make a project stale; the gates every project must run.
/// </summary>
internal sealed record PortfolioRegistry(string File, int StaleAfterDays, IReadOnlyList<string> RequiredGates, IReadOnlyList<RegistryProject> Projects)
{
    /// <summary>The gates required when the registry names none: every gate of <c>Ci</c> but Package.</summary>
    public static readonly IReadOnlyList<string> DefaultRequiredGates = ["Lint", "Test", "Coverage", "Mutation", "ArchitectureTests", "SecurityScan"];

    /// <summary>The schema's text.</summary>
    public static string SchemaText => EmbeddedText.Read("Tollgate.Portfolio.portfolio.schema.json");

    /// <summary>The main branch of each project that names one, by slug.</summary>
    public MainBranches MainBranches => new(Projects.Where(p => p.Branch is not null).ToDictionary(p => p.Slug, p => p.Branch!, StringComparer.Ordinal));

    /// <summary>Reads and checks <paramref name="file"/> (shown as <paramref name="shownAs"/>).</summary>
    /// <exception cref="InvalidDataException">It breaks the schema, names a template that does not exist, or a slug twice; one line per problem, naming the file, the value and the fix.</exception>
    public static PortfolioRegistry Load(string file, string shownAs)
    {
        if (!System.IO.File.Exists(file))
        {
            throw new InvalidDataException($"{shownAs}: no such file; write the portfolio's registry there (its schema is schemas/portfolio.schema.json in the package), or leave --audit-registry out.");
        }

        JsonSchemaCheck.Validate(file, shownAs, SchemaText);
        using var document = JsonFile.Parse(file, shownAs);
        var root = document.RootElement;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var templates = new Dictionary<string, RegistryTemplate>(StringComparer.Ordinal);
        if (root.TryGetProperty("templates", out var declared))
        {
            foreach (var template in declared.EnumerateObject())
            {
                var source = Path.GetFullPath(template.Value.GetProperty("file").GetString()!, folder);
                if (!System.IO.File.Exists(source))
                {
                    throw new InvalidDataException($"{shownAs}: templates.{template.Name}.file '{template.Value.GetProperty("file").GetString()}' does not exist (looked at {source}); give the template's path relative to the registry.");
                }

                templates[template.Name] = new RegistryTemplate(template.Name, template.Value.GetProperty("path").GetString()!, CiFileRecord.DigestOf(System.IO.File.ReadAllBytes(source)));
            }
        }

        var projects = new List<RegistryProject>();
        foreach (var project in root.GetProperty("projects").EnumerateArray())
        {
            var slug = project.GetProperty("slug").GetString()!;
            if (projects.Any(p => p.Slug == slug))
            {
                throw new InvalidDataException($"{shownAs}: the slug '{slug}' is given to two projects; give each project its own.");
            }

            projects.Add(new RegistryProject(
                slug, project.GetProperty("repository").GetString()!, Text(project, "branch"), Template(project, slug, templates, shownAs),
                Strings(project, "deploymentTargets"), Strings(project, "environments"),
                project.TryGetProperty("waivers", out var waivers)
                    ? waivers.EnumerateArray().Select(w => new RegistryWaiver(w.GetProperty("parameter").GetString()!, w.GetProperty("reason").GetString()!)).ToList()
                    : []));
        }

        return new PortfolioRegistry(
            shownAs,
            root.TryGetProperty("staleAfterDays", out var stale) ? stale.GetInt32() : 7,
            root.TryGetProperty("requiredGates", out var gates) ? gates.EnumerateArray().Select(g => g.GetString()!).ToList() : DefaultRequiredGates,
            projects);
    }

    // The project's template: one of the registry's, or one Tollgate ships (at the path GenerateCi writes it to).
    private static RegistryTemplate? Template(JsonElement project, string slug, Dictionary<string, RegistryTemplate> templates, string shownAs)
    {
        if (Text(project, "ciTemplate") is not { } name)
        {
            return null;
        }

        if (templates.TryGetValue(name, out var template))
        {
            return template;
        }

        var shipped = CiTemplate.All.FirstOrDefault(t => t.Host == name)
            ?? throw new InvalidDataException(
                $"{shownAs}: project '{slug}' has ciTemplate '{name}', which is neither in templates nor shipped; use one of {string.Join(", ", templates.Keys.Concat(CiTemplate.All.Select(t => t.Host)))}.");
        return new RegistryTemplate(name, shipped.Target, CiFileRecord.DigestOf(System.Text.Encoding.UTF8.GetBytes(shipped.Text)));
    }

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.EnumerateArray().Select(v => v.GetString()!).ToList() : [];
}
