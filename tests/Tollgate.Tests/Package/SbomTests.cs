using System.Text.Json;
using Tollgate.Engine;
using Tollgate.Tests.Support;
using Tollgate.Tools;
using Tollgate.Tools.CycloneDx;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Tests.Package;

/// <summary>The pinned CycloneDX tool on a real project with package references (Tollgate's own), checked against CycloneDX's published 1.6 schema.</summary>
[Trait("Category", "Integration")]
public sealed class SbomTests : IDisposable
{
    private readonly TempDirectory output = new(withNuke: false);

    public void Dispose() => output.Dispose();

    [Fact]
    public async Task The_sbom_of_a_project_lists_its_package_references_with_versions_and_conforms_to_cyclonedx_1_6()
    {
        var runner = new ProcessRunner(new BuildLog(TextWriter.Null, TextWriter.Null, Verbosity.Normal, new SecretMasker()));
        var program = await new DotnetTools(runner, SharedTools.Path).EnsureAsync(CycloneDxTool.Package, "6.3.1", CycloneDxTool.Command, CancellationToken.None);
        var project = Path.Combine(RepositoryRoot.Path, "src", "Tollgate", "Tollgate.csproj");

        var sbom = await new CycloneDxTool(runner, program).WriteAsync(RepositoryRoot.Path, CycloneDxTool.Settings(null, project, "Tollgate", "9.9.9", output.Path, "Tollgate.cdx.json"), CancellationToken.None);

        var text = File.ReadAllText(sbom);
        Assert.Empty(StandardSchema.Errors("bom-1.6.schema.json", text));
        using var document = JsonDocument.Parse(text);
        Assert.Equal("1.6", document.RootElement.GetProperty("specVersion").GetString());
        Assert.Equal(("Tollgate", "9.9.9"), (document.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString(),
            document.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("version").GetString()));
        var yaml = document.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "YamlDotNet");
        Assert.Equal("16.3.0", yaml.GetProperty("version").GetString());
        Assert.Equal("pkg:nuget/YamlDotNet@16.3.0", yaml.GetProperty("purl").GetString());
        Assert.NotEmpty(yaml.GetProperty("hashes").EnumerateArray());
    }

    [Fact]
    public void The_schema_check_fails_on_a_bom_that_breaks_the_standard()
    {
        var errors = StandardSchema.Errors("bom-1.6.schema.json", """{ "bomFormat": "SPDX", "specVersion": "1.6" }""");

        Assert.Contains(errors, e => e.Contains("bomFormat", StringComparison.Ordinal));
        Assert.Empty(StandardSchema.Errors("bom-1.6.schema.json", """{ "bomFormat": "CycloneDX", "specVersion": "1.6" }"""));
    }
}
