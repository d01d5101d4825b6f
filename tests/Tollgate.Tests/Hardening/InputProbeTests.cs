using System.Text.Json.Nodes;
using Tollgate.Deploy;
using Tollgate.Engine;
using Tollgate.Evidence;
using Tollgate.Gates.ArchitectureTests;
using Tollgate.Gates.SecurityScan;
using Tollgate.Tests.Deploy;
using Tollgate.Tests.Evidence;
using Tollgate.Tests.Host;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Hardening;

/// <summary>Probes of issue 15 on what the user hands Tollgate: links and devices, environment names, bundles, YAML, configuration files.</summary>
public sealed class InputProbeTests : IDisposable
{
    private readonly TempDirectory root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task The_secret_scan_follows_no_link_and_reads_no_fifo_or_device()
    {
        root.Write("src/real.txt", "nothing here\n");
        var fifo = Path.Combine(root.Path, "src", "pipe");
        var made = await Shell.RunAsync(root.Path, "mkfifo", [fifo]);
        Assert.True(made.ExitCode == 0, made.Error);
        File.CreateSymbolicLink(Path.Combine(root.Path, "src", "to-pipe"), fifo);
        File.CreateSymbolicLink(Path.Combine(root.Path, "src", "to-zero"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(root.Path, "src", "to-outside"), "/etc/hostname");
        Directory.CreateSymbolicLink(Path.Combine(root.Path, "loop"), root.Path);

        // A hang here is the failure; the bound only keeps a broken build from waiting forever.
        var scan = Task.Run(() => SecretScanner.Scan(root.Path, SecretScanner.FilesBelow(root.Path)));
        var result = await scan.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(result.Hits);
        Assert.DoesNotContain(SecretScanner.FilesBelow(root.Path), f => f.StartsWith("loop/", StringComparison.Ordinal));
        var special = SecretScanner.Scan(root.Path, ["src/pipe", "src/to-pipe", "src/to-zero", "src/to-outside"]);
        Assert.Empty(special.Hits);
        Assert.Empty(special.Unreadable);
        Assert.Equal(
            ["src/pipe: not a regular file", "src/to-pipe: a symbolic link", "src/to-zero: a symbolic link", "src/to-outside: a symbolic link"],
            special.Skipped.Select(s => $"{s.File}: {s.Reason.Split(" (")[0].Split(", ")[0]}"));
    }

    [Fact]
    public void The_secret_scan_honours_cancellation()
    {
        root.Write("a.txt", "x\n");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => SecretScanner.Scan(root.Path, ["a.txt"], cancelled.Token));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("/tmp/tollgate-probe")]
    [InlineData("Prod")]
    public async Task An_environment_name_that_is_not_a_plain_word_is_bad_input_before_any_file_is_touched(string name)
    {
        using var repository = await DeployRepository.CreateAsync("""{ "environments": { "dev": { "strategy": "command", "target": { "deploy": ["true"] } } } }""");

        var run = await HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", name, "--evidence", repository.WriteBundle("1.0.0")]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"Deploy requires --env to be lower-case letters, digits and dashes (e.g. prod); '{name}' is not", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, "artifacts", "deployments")));
        Assert.False(Directory.Exists("/tmp/tollgate-probe.staging." + Environment.ProcessId));
        Assert.False(Directory.Exists(Path.GetFullPath(Path.Combine(repository.Root, "artifacts", "deployments", name))));
    }

    [Fact]
    public async Task An_unsigned_promotion_is_warned_on_every_environment_and_the_deployment_s_own_bundle_is_the_one_named()
    {
        using var repository = await DeployRepository.CreateAsync("""{ "environments": { "dev": { "strategy": "command", "target": { "deploy": ["true"] } } } }""");
        var bundle = repository.WriteBundle("1.0.0");

        var run = await HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", "dev", "--evidence", bundle]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Contains($"dev: promoting an unsigned bundle ({bundle}); nothing proves which build wrote it", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("Evidence: artifacts/deployments/dev/evidence/ (", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Evidence: artifacts/evidence/", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(repository.Root, "artifacts", "deployments", "dev", "evidence", "manifest.json")));
    }

    [Fact]
    public async Task A_required_gate_that_is_no_gate_is_bad_input_to_deploy_before_anything_runs()
    {
        using var repository = await DeployRepository.CreateAsync("""{ "environments": { "dev": { "strategy": "command", "target": { "deploy": ["true"] } } } }""");

        var run = await HostRun.RunAsync<DeployBuild>(repository.Root, ["Deploy", "--env", "dev", "--evidence", repository.WriteBundle("1.0.0"), "--required-gates", "Package"]);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--required-gates 'Package' is not a gate; use any of Lint, Test, Coverage, Mutation, ArchitectureTests, SecurityScan.", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repository.Root, "artifacts", "deployments")), "bad input deploys nothing and writes no bundle");
    }

    [Fact]
    public async Task A_bundle_without_the_required_gates_or_of_a_run_that_did_not_succeed_is_refused()
    {
        using var repository = await DeployRepository.CreateAsync("{}");
        var packageOnly = Path.Combine(repository.Root, "bundles", "package-only");
        EvidenceFixture.Write(packageOnly, EvidenceFixture.Run("succeeded") with { Commit = repository.Head, Version = "1.0.0" }, EvidenceFixture.Gate("Package", GateStatus.Passed));

        var missing = Assert.Throws<InvalidDataException>(() => PromotedBuild.From(packageOnly, repository.Head, null, StandardGates.Names));
        Assert.Contains("has no result of the required gate(s) Lint, Test, Coverage, Mutation, ArchitectureTests, SecurityScan", missing.Message, StringComparison.Ordinal);

        var aborted = Path.Combine(repository.Root, "bundles", "aborted");
        EvidenceFixture.Write(aborted, EvidenceFixture.Run("aborted") with { Commit = repository.Head, Version = "1.0.0" }, EvidenceFixture.Gate("Lint", GateStatus.Passed));
        Assert.Contains("is of a run that aborted", Assert.Throws<InvalidDataException>(() => PromotedBuild.From(aborted, repository.Head, null, ["Lint"])).Message, StringComparison.Ordinal);

        var odd = Path.Combine(repository.Root, "bundles", "odd");
        EvidenceFixture.Write(odd, EvidenceFixture.Run("succeeded") with { Commit = repository.Head, Version = "1.0.0\nreplicas: 0" }, EvidenceFixture.Gate("Lint", GateStatus.Passed));
        Assert.Contains("which is not a SemVer 2.0 version", Assert.Throws<InvalidDataException>(() => PromotedBuild.From(odd, repository.Head, null, ["Lint"])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_refuses_when_git_cannot_read_head()
    {
        root.Write(".nuke/environments.json", """{ "environments": { "dev": { "strategy": "command", "target": { "deploy": ["true"] } } } }""");
        var bundle = Path.Combine(root.Path, "bundle");
        EvidenceFixture.Write(bundle, EvidenceFixture.Run("succeeded") with { Commit = new string('a', 40), Version = "1.0.0" }, [.. StandardGates.Names.Select(g => EvidenceFixture.Gate(g, GateStatus.Passed))]);

        var run = await HostRun.RunAsync<DeployBuild>(root.Path, ["Deploy", "--env", "dev", "--evidence", bundle]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("git cannot read HEAD here, so the evidence cannot be matched to the commit it proves", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root.Path, ".nuke", "deployments", "dev.json")), "nothing was deployed, so no history was written");
    }

    [Fact]
    public void A_yaml_key_path_is_exact_from_the_root_and_keeps_the_file_as_it_was()
    {
        const string values = """
            # Helm values for shop-api (prod)
            sidecar:
              image:
                repository: envoyproxy/envoy
                tag: v1.29.0   # pinned by platform
            image:
              repository: registry.example.com/shop-api
              tag: "1.0.0" # set by Tollgate
              pullPolicy: IfNotPresent
            resources: &defaults
              limits: { cpu: 500m, memory: 256Mi }
            worker:
              resources: *defaults
              image:
                tag:
            """;

        var updated = YamlValue.Set(values, "image.tag", "2.0.0", "values.yaml");

        Assert.Equal(values.Replace("tag: \"1.0.0\" # set by Tollgate", "tag: \"2.0.0\" # set by Tollgate", StringComparison.Ordinal), updated);
        Assert.Equal(values.Replace("    tag: v1.29.0", "    tag: \"v1.30.0\"", StringComparison.Ordinal), YamlValue.Set(values, "sidecar.image.tag", "v1.30.0", "values.yaml"));
        Assert.EndsWith("  image:\n    tag: \"2.0.0\"", YamlValue.Set(values, "worker.image.tag", "2.0.0", "values.yaml"), StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => YamlValue.Set(values, "tag", "2.0.0", "values.yaml"));
    }

    [Fact]
    public void A_kustomization_image_tag_is_set_by_list_index()
    {
        const string kustomization = """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - deployment.yaml
            images:
              - name: shop-api
                newName: registry.example.com/shop-api
                newTag: 1.0.0
              - name: envoy
                newTag: v1.29.0
            """;

        var updated = YamlValue.Set(kustomization, "images.0.newTag", "1.1.0", "kustomization.yaml");

        Assert.Equal(kustomization.Replace("newTag: 1.0.0", "newTag: \"1.1.0\"", StringComparison.Ordinal), updated);
    }

    [Theory]
    [InlineData("1.0.0\nreplicas: 0")]
    [InlineData("1.0.0\"\nprivileged: true")]
    [InlineData("1.0.0\\u0000")]
    public void A_value_that_could_inject_yaml_is_refused(string version)
    {
        var error = Assert.Throws<InvalidDataException>(() => YamlValue.Set("image:\n  tag: \"1\"\n", "image.tag", version, "values.yaml"));

        Assert.Contains("only a plain version goes into a values file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_an_error_not_a_guess()
    {
        var error = Assert.Throws<InvalidDataException>(() => YamlValue.Set("image:\n  tag: a\nimage:\n  tag: b\n", "image.tag", "2.0.0", "values.yaml"));

        Assert.Contains("values.yaml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("gates/../../x")]
    [InlineData(null)]
    public void Verify_names_a_manifest_path_outside_the_bundle_and_never_reads_it(string? path)
    {
        var bundle = Path.Combine(root.Path, "evidence");
        EvidenceFixture.Write(bundle);
        var manifestPath = Path.Combine(bundle, Manifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["files"]!.AsArray().Add(new JsonObject { ["path"] = path, ["sha256"] = new string('0', 64), ["bytes"] = 1 });
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var problems = EvidenceVerifier.Verify(bundle);

        // A path that is no string is refused by the manifest's schema, by line, before any path is used.
        Assert.Contains(problems, p => path is null
            ? p.StartsWith("invalid: ", StringComparison.Ordinal) && p.EndsWith(".path: null where a string belongs", StringComparison.Ordinal)
            : p.StartsWith($"unsafe: manifest.json lists the path '{path}'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_architecture_pattern_that_matches_no_type_is_a_violation_not_a_silent_pass()
    {
        var architecture = global::Tollgate.Architecture.Of(typeof(InputProbeTests).Assembly.Location);

        var violations = new ForbiddenRule("typo", TypeSet.Of("Tollgate.Testz.**"), TypeSet.Of("System.**")).Evaluate(architecture.Types).ToList();

        var violation = Assert.Single(violations);
        Assert.Equal("pattern 'Tollgate.Testz.**' of rule 'typo' matches no type of the assemblies read; fix the pattern or remove it", violation.Message);
    }

    [Fact]
    public void A_forbidden_target_that_matches_nothing_read_or_depended_on_is_a_violation_a_real_one_is_not()
    {
        var architecture = global::Tollgate.Architecture.Of(typeof(InputProbeTests).Assembly.Location);

        var typo = new ForbiddenRule("no data", TypeSet.Of("Tollgate.Tests.**"), TypeSet.Of("System.Dta.**")).Evaluate(architecture.Types).ToList();
        var external = new ForbiddenRule("no json", TypeSet.Of("Tollgate.Tests.Evidence.**"), TypeSet.Of("System.Text.Json.**")).Evaluate(architecture.Types).ToList();

        Assert.Equal(
            "pattern 'System.Dta.**' of rule 'no data' matches no type of the assemblies read nor any type they depend on, so the rule can never fail; fix the pattern or remove it",
            Assert.Single(typo).Message);
        Assert.DoesNotContain(external, v => v.Member == "pattern"); // the tests depend on System.Text.Json, so the pattern is real
        Assert.NotEmpty(external); // and the rule finds the real dependencies
    }

    [Theory]
    [InlineData(".nuke/architecture.json", """{ "rules": [ { "name": "a", "kind": "noCycles", "slices": "A.*", "slice": "B.*" } ] }""", ".nuke/architecture.json:1: rules[0].slice: unknown key, did you mean \"slices\"?")]
    [InlineData(".nuke/architecture.json", """{ "rules": [ { "name": "a", "kind": "noCycles", "slices": 3 } ] }""", ".nuke/architecture.json:1: rules[0].slices: 3 is a number (expected string)")]
    [InlineData(".nuke/security.json", "{\n  \"waivers\": [],\n  \"suppresions\": []\n}", ".nuke/security.json:3: suppresions: unknown key, did you mean \"suppressions\"?")]
    [InlineData(".nuke/security.json", """{ "suppressions": [ { "id": "CVE-1", "reason": "r", "expires": 20271231 } ] }""", ".nuke/security.json:1: suppressions[0].expires: 20271231 is a number (expected string)")]
    public void Configuration_files_are_held_to_their_schema_with_file_line_and_key(string file, string json, string message)
    {
        var path = root.Write(file, json);

        var error = Assert.Throws<InvalidDataException>(() =>
        {
            if (file.EndsWith("architecture.json", StringComparison.Ordinal))
            {
                ArchitectureRulesFile.Read(path, file);
            }
            else
            {
                SecurityPolicyFile.Read(path, file);
            }
        });

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_file_with_several_problems_lists_every_one_at_once()
    {
        var path = root.Write(".nuke/security.json", "{\n  \"waivers\": [ { \"scanner\": 3 } ],\n  \"suppresions\": [],\n  \"suppressions\": [ { \"id\": \"CVE-1\", \"reason\": \"r\", \"expires\": 20271231 } ]\n}");

        var error = Assert.Throws<InvalidDataException>(() => SecurityPolicyFile.Read(path, ".nuke/security.json"));

        var lines = error.Message.Split('\n');
        Assert.StartsWith(".nuke/security.json has ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Trim().StartsWith(".nuke/security.json:2: waivers[0].scanner:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim().StartsWith(".nuke/security.json:3: suppresions: unknown key", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim() == ".nuke/security.json:4: suppressions[0].expires: 20271231 is a number (expected string)");
        Assert.DoesNotContain("more problem", error.Message, StringComparison.Ordinal);
    }
}
