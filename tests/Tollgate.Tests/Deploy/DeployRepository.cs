using Tollgate.Evidence;
using Tollgate.Tests.Evidence;
using Tollgate.Tests.Support;

namespace Tollgate.Tests.Deploy;

/// <summary>A git repository to deploy from, with <c>.nuke/environments.json</c> and an evidence bundle of its HEAD.</summary>
internal sealed class DeployRepository : IDisposable
{
    private readonly TempDirectory directory = new();

    private DeployRepository()
    {
    }

    public string Root => directory.Path;

    public string Head { get; private set; } = "";

    public string Bundle(string version) => Path.Combine(Root, "bundles", version);

    public static async Task<DeployRepository> CreateAsync(string environments)
    {
        var repository = new DeployRepository();
        repository.directory.Write(".nuke/environments.json", environments);
        repository.directory.Write(".gitignore", "artifacts/\nbundles/\nscratch/\n.nuke/temp/\n.nuke/deployments/\n");
        var git = await GitRepository.InitAsync(repository.Root);
        repository.Head = await git.CommitAsync("service");
        return repository;
    }

    /// <summary>Writes the evidence bundle a passing Ci run of HEAD at <paramref name="version"/> would leave: the six gates and Package (or with a failed Lint, or of another commit).</summary>
    public string WriteBundle(string version, GateStatus lint = GateStatus.Passed, string? commit = null, EvidenceKey? key = null)
    {
        var run = EvidenceFixture.Run(lint == GateStatus.Passed ? "succeeded" : "failed") with { Commit = commit ?? Head, Version = version };
        var gates = StandardGates.Names.Select(name => EvidenceFixture.Gate(name, name == "Lint" ? lint : GateStatus.Passed)).Append(EvidenceFixture.Gate("Package", GateStatus.Passed));
        EvidenceFixture.Write(Bundle(version), run, key, [.. gates]);
        return Bundle(version);
    }

    public string Write(string relative, string text) => directory.Write(relative, text);

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public string DeployEvidence(string environment) => Path.Combine(Root, "artifacts", "deployments", environment, "evidence");

    public void Dispose() => directory.Dispose();
}
