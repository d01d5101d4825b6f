using Tollgate.Deploy;
using Tollgate.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Deploy;

/// <summary>The Deploy step driven with fake tools: the environment's commands are rendered and run through the runner, the outcome judged from their answers.</summary>
[Trait("Category", "Integration")] // a git repository with a bundle of its commit
public sealed class DeployStepTests
{
    private const string Environments = """
        {
          "environments": {
            "dev": {
              "strategy": "command",
              "target": { "deploy": ["./deploy.sh", "{version}", "{environment}"] },
              "healthCheck": { "command": ["./healthy.sh", "--ready"] },
              "timeoutSeconds": 2
            }
          }
        }
        """;

    [Theory]
    [InlineData(0, GateStatus.Passed)]
    [InlineData(1, GateStatus.Failed)]
    public async Task A_deployment_runs_the_environments_command_then_its_health_check_and_judges_by_their_answers(int healthExit, GateStatus expected)
    {
        using var repository = await DeployRepository.CreateAsync(Environments);
        var bundle = repository.WriteBundle("1.2.3");
        var tools = new FakeTools(spec => spec.FileName == "./healthy.sh" ? (healthExit, healthExit == 0 ? "ok" : "503") : (0, "deployed"));
        var inputs = new DeployInputs
        {
            Root = repository.Root,
            EnvironmentName = "dev",
            Variables = new Dictionary<string, string>(),
            Evidence = bundle,
            RequiredGates = ["Lint"],
            Head = _ => Task.FromResult<string?>(repository.Head),
        };

        var result = await new DeployStep(tools.Runner, new BundleWriter(repository.DeployEvidence("dev")), _ => { }, _ => { }, _ => { }).RunAsync(inputs, CancellationToken.None);

        Assert.True(result.Status == expected, $"{result.Status}: {string.Join("; ", result.Reasons)}");
        var deploy = Assert.Single(tools.Runs, r => r.FileName == Path.Combine(repository.Root, "deploy.sh"));
        Assert.Equal(["1.2.3", "dev"], deploy.Arguments);
        Assert.Equal(repository.Head, deploy.Environment!["TOLLGATE_COMMIT"]);
        var probes = tools.Runs.Where(r => r.FileName == "./healthy.sh").ToList();
        Assert.NotEmpty(probes);
        Assert.All(probes, probe => Assert.Equal(["--ready"], probe.Arguments));
        Assert.True(healthExit != 0 || probes.Count == 1, $"a healthy answer ends the probing: {probes.Count} probes");
    }
}
