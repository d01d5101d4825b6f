using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Evidence;
using Tollgate.IO;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Evidence;

public sealed class ProvenanceTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    private (BundleWriter Bundle, RunRecord Run, string Package, byte[] Assembly) Packaged()
    {
        var package = Path.Combine(root.Path, "artifacts", "packages", "Sample.1.2.0.nupkg");
        Directory.CreateDirectory(Path.GetDirectoryName(package)!);
        var assembly = RandomNumberGenerator.GetBytes(512);
        using (var zip = ZipFile.Open(package, ZipArchiveMode.Create))
        {
            using (var entry = zip.CreateEntry("lib/net10.0/Sample.dll").Open())
            {
                entry.Write(assembly);
            }

            using var nuspec = new StreamWriter(zip.CreateEntry("Sample.nuspec").Open());
            nuspec.Write("<package />");
        }

        var bundle = new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence"));
        var lint = EvidenceFixture.Gate("Lint", GateStatus.Passed) with { Tools = new Dictionary<string, string> { ["dotnet-format"] = "10.0.100" } };
        var mutation = EvidenceFixture.Gate("Mutation", GateStatus.Passed) with { Tools = new Dictionary<string, string> { ["dotnet-stryker"] = "5.1.0" } };
        bundle.RecordGate(lint, TimeSpan.FromSeconds(1));
        bundle.RecordGate(mutation, TimeSpan.FromSeconds(1));
        bundle.WriteFile("artifacts.json", $$"""
            { "commit": "0123456789abcdef0123456789abcdef01234567", "artifacts": [
              { "kind": "nupkg", "name": "Sample", "version": "1.2.0", "digest": "sha256:{{FileDigest.Sha256(package)}}", "location": "artifacts/packages/Sample.1.2.0.nupkg" },
              { "kind": "image", "name": "registry.local/sample", "version": "1.2.0", "digest": "sha256:{{new string('a', 64)}}", "location": "registry.local/sample:1.2.0", "pushedTo": "registry.local/sample:1.2.0" } ] }
            """);
        var run = EvidenceFixture.Run("succeeded") with
        {
            Parameters =
            [
                new ParameterRecord { Name = "coverage-threshold", Value = "85", Source = "code", Overridden = true, Secret = false },
                new ParameterRecord
                {
                    Name = "nuget-api-key",
                    Value = null,
                    Source = "environment variable TOLLGATE_NUGET_API_KEY",
                    Overridden = true,
                    Secret = true,
                },
                new ParameterRecord { Name = "configuration", Value = "Release", Source = "default", Overridden = false, Secret = false },
            ],
        };
        return (bundle, run, package, assembly);
    }

    [Fact]
    public void The_statement_is_an_in_toto_v1_statement_with_a_slsa_v1_predicate()
    {
        var (bundle, run, _, _) = Packaged();
        var tools = SharedTools.Path;

        Assert.True(Provenance.Write(bundle, run, root.Path, [tools], null));

        var statement = File.ReadAllText(Path.Combine(bundle.Staging, Provenance.StatementFile));
        Assert.Empty(StandardSchema.Errors("in-toto-statement-v1.schema.json", statement));
        Assert.Empty(StandardSchema.Errors("slsa-provenance-v1.schema.json", JsonNode.Parse(statement)!["predicate"]!.ToJsonString()));
        Assert.NotEmpty(StandardSchema.Errors("slsa-provenance-v1.schema.json", """{ "buildDefinition": { "buildType": "x" } }"""));
    }

    [Fact]
    public void Subjects_are_the_package_the_assemblies_inside_it_and_the_image()
    {
        var (bundle, run, package, assembly) = Packaged();

        var statement = Provenance.Statement(
            JsonNode.Parse(File.ReadAllText(Path.Combine(bundle.Staging, "artifacts.json")))!["artifacts"]!.AsArray(), run, root.Path, bundle.Gates.Select(g => g.Result).ToList(), []);

        var subjects = statement["subject"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string)s!["digest"]!["sha256"]!);
        Assert.Equal(FileDigest.Sha256(package), subjects["Sample.1.2.0.nupkg"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(assembly)), subjects["Sample.1.2.0.nupkg!/lib/net10.0/Sample.dll"]);
        Assert.Equal(new string('a', 64), subjects["registry.local/sample:1.2.0"]);
        Assert.Equal(3, subjects.Count);
    }

    [Fact]
    public void External_parameters_are_the_overridden_ones_without_secrets_and_dependencies_name_commit_and_tools()
    {
        var (bundle, run, _, _) = Packaged();

        var statement = Provenance.Statement(
            JsonNode.Parse(File.ReadAllText(Path.Combine(bundle.Staging, "artifacts.json")))!["artifacts"]!.AsArray(), run, root.Path, bundle.Gates.Select(g => g.Result).ToList(), [], ["dotnet-stryker"]);

        var definition = statement["predicate"]!["buildDefinition"]!;
        Assert.Equal(Provenance.BuildType, (string)definition["buildType"]!);
        var parameters = definition["externalParameters"]!["parameters"]!.AsObject();
        Assert.Equal(["coverage-threshold"], parameters.Select(p => p.Key));
        Assert.DoesNotContain("nuget-api-key", statement.ToJsonString(), StringComparison.Ordinal);
        var dependencies = definition["resolvedDependencies"]!.AsArray();
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", (string)dependencies[0]!["digest"]!["gitCommit"]!);
        Assert.Contains(dependencies, d => (string?)d!["uri"] == "pkg:nuget/dotnet-stryker@5.1.0");
        Assert.Contains(dependencies, d => (string?)d!["uri"] == "pkg:generic/dotnet-format@10.0.100");
        Assert.Equal("1.2.3", (string)statement["predicate"]!["runDetails"]!["builder"]!["version"]!["tollgate"]!);
    }

    [Fact]
    public void A_pinned_tool_s_package_digest_comes_from_the_tool_store()
    {
        var (bundle, run, _, _) = Packaged();
        var store = Path.Combine(root.Path, "tools");
        var sha512 = SHA512.HashData("the package"u8);
        root.Write("tools/.store/dotnet-stryker/5.1.0/dotnet-stryker/5.1.0/dotnet-stryker.5.1.0.nupkg.sha512", Convert.ToBase64String(sha512));

        var statement = Provenance.Statement(
            JsonNode.Parse(File.ReadAllText(Path.Combine(bundle.Staging, "artifacts.json")))!["artifacts"]!.AsArray(), run, root.Path, bundle.Gates.Select(g => g.Result).ToList(), [store]);

        var stryker = statement["predicate"]!["buildDefinition"]!["resolvedDependencies"]!.AsArray().Single(d => (string?)d!["name"] == "dotnet-stryker")!;
        Assert.Equal(Convert.ToHexStringLower(sha512), (string)stryker["digest"]!["sha512"]!);
    }

    [Fact]
    public void With_a_key_the_statement_is_signed_as_an_in_toto_envelope_that_verifies()
    {
        var (bundle, run, _, _) = Packaged();
        var keys = SigningKeys.Create(root.Path);
        using var signing = EvidenceKey.Read(keys.PrivatePem, "test");
        using var check = EvidenceKey.Read(keys.PublicPem, "test");

        Provenance.Write(bundle, run, root.Path, [], signing);

        var envelope = JsonSerializer.Deserialize<DsseEnvelope>(File.ReadAllText(Path.Combine(bundle.Staging, Provenance.EnvelopeFile)))!;
        Assert.Equal(DsseEnvelope.InTotoType, envelope.PayloadType);
        Assert.Equal(File.ReadAllBytes(Path.Combine(bundle.Staging, Provenance.StatementFile)), envelope.Body());
        Assert.Null(envelope.Check([check]));
    }

    [Fact]
    public void Without_packages_there_is_no_provenance()
    {
        var bundle = new BundleWriter(Path.Combine(root.Path, "artifacts", "evidence"));

        Assert.False(Provenance.Write(bundle, EvidenceFixture.Run(), root.Path, [], null));
        Assert.False(Directory.Exists(Path.Combine(bundle.Staging, "provenance")));
    }
}
