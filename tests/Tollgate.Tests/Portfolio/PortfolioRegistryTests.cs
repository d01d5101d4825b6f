using Tollgate.Portfolio;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Portfolio;

/// <summary>The registry read as a platform team writes it, and each mistake in it told with the file, the value and the fix.</summary>
public sealed class PortfolioRegistryTests : IDisposable
{
    private readonly TempDirectory folder = new(withNuke: false);

    public void Dispose() => folder.Dispose();

    private PortfolioRegistry Load(string json) => PortfolioRegistry.Load(folder.Write("portfolio.json", json), "portfolio.json");

    [Fact]
    public void A_project_reads_with_its_template_s_digest_its_branch_and_the_defaults_the_registry_leaves_out()
    {
        folder.Write("ci/ours.yml", "on: push\r\n");
        var registry = Load("""
            {
              "templates": { "ours": { "path": ".github/workflows/ours.yml", "file": "ci/ours.yml" } },
              "projects": [
                { "slug": "orders", "repository": "https://git.example/orders", "branch": "trunk", "ciTemplate": "ours", "environments": ["prod"], "deploymentTargets": ["orders-api"] },
                { "slug": "billing", "repository": "https://git.example/billing", "ciTemplate": "github-actions" }
              ]
            }
            """);

        Assert.Equal(7, registry.StaleAfterDays);
        Assert.Equal(PortfolioRegistry.DefaultRequiredGates, registry.RequiredGates);
        var orders = registry.Projects[0];
        Assert.Equal(new RegistryTemplate("ours", ".github/workflows/ours.yml", CiFileRecord.DigestOf("on: push\n"u8)), orders.CiTemplate);
        Assert.Equal(["orders-api"], orders.DeploymentTargets);
        Assert.True(registry.MainBranches.Counts("orders", "trunk"));
        Assert.False(registry.MainBranches.Counts("orders", "main"));
        Assert.True(registry.MainBranches.Counts("billing", "master"));
        Assert.Equal(".github/workflows/tollgate.yml", registry.Projects[1].CiTemplate!.Path); // where GenerateCi writes the shipped one
    }

    [Theory]
    [InlineData("""{ "projects": [ { "slug": "a", "repository": "r", "ciTemplate": "circle" } ] }""",
        "portfolio.json: project 'a' has ciTemplate 'circle', which is neither in templates nor shipped; use one of github-actions, gitlab-ci, azure-pipelines, jenkins.")]
    [InlineData("""{ "templates": { "t": { "path": "x.yml", "file": "missing.yml" } }, "projects": [] }""",
        "portfolio.json: templates.t.file 'missing.yml' does not exist (looked at {folder}/missing.yml); give the template's path relative to the registry.")]
    [InlineData("""{ "projects": [ { "slug": "a", "repository": "r" }, { "slug": "a", "repository": "s" } ] }""",
        "portfolio.json: the slug 'a' is given to two projects; give each project its own.")]
    public void A_mistake_is_one_line_naming_the_file_the_value_and_the_fix(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(json));

        Assert.Equal(message.Replace("{folder}", folder.Path, StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void A_key_the_schema_does_not_know_is_named_with_its_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("{\n  \"projects\": [],\n  \"stale\": 3\n}\n"));

        Assert.StartsWith("portfolio.json:3: stale:", error.Message, StringComparison.Ordinal);
    }
}
