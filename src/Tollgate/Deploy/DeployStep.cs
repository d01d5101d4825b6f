using Tollgate.Evidence;
using Tollgate.Tools;
using Tollgate.Tools.Docker;

namespace Tollgate.Deploy;

/// <summary>What Deploy and Rollback read.</summary>
internal sealed record DeployInputs
{
    /// <summary>The repository root.</summary>
    public required string Root { get; init; }

    /// <summary>The environment (<c>--env</c>, already checked).</summary>
    public required string EnvironmentName { get; init; }

    /// <summary>Return to the previous deployment instead of deploying.</summary>
    public bool Rollback { get; init; }

    /// <summary>Who approved (<c>--approved-by</c>).</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>The build's environment variables (CI approvals, the Docker socket).</summary>
    public required IReadOnlyDictionary<string, string> Variables { get; init; }

    /// <summary>A person's keyboard, for an approval asked at the terminal.</summary>
    public TextReader? Terminal { get; init; }

    /// <summary>The build bundle to promote (deploy only).</summary>
    public required string Evidence { get; init; }

    /// <summary>The gates the promoted bundle must have passed.</summary>
    public required IReadOnlyList<string> RequiredGates { get; init; }

    /// <summary>The commit checked out (read only when deploying).</summary>
    public required Func<CancellationToken, Task<string?>> Head { get; init; }
}

/// <summary>
/// Deploy (or Rollback) from inputs to result: the environment from <c>.nuke/environments.json</c>, its approval
/// and lock, the promoted build proven by verified evidence of this commit, the strategy (docker, gitops,
/// command) with its health check, the history, and the deployment's own evidence.
/// </summary>
internal sealed class DeployStep(ProcessRunner runner, BundleWriter evidence, Action<string> say, Action<string> always, Action<string> warn)
{
    public const string Name = "Deploy";

    public async Task<GateResult> RunAsync(DeployInputs inputs, CancellationToken cancellation)
    {
        var nuke = Path.Combine(inputs.Root, ".nuke");
        DeploySchema.WriteTo(nuke);
        var environment = EnvironmentsFile.Read(Path.Combine(nuke, EnvironmentsFile.FileName), ".nuke/" + EnvironmentsFile.FileName, inputs.EnvironmentName);
        var action = inputs.Rollback ? "Rollback" : "Deploy";
        var approval = Approval.Obtain(environment, action, inputs.ApprovedBy, inputs.Variables, inputs.Terminal, always);
        var localHistory = Path.Combine(inputs.Root, environment.History);
        using var environmentLock = EnvironmentLock.Acquire(
            Path.Combine(nuke, "deployments", $"{environment.Name}.lock"), environment.Name, $"{approval.By} ({System.Environment.MachineName}, process {System.Environment.ProcessId})");
        if (environmentLock.TookOver is { } dead)
        {
            say($"Took over the lock of {environment.Name} from {dead}: that process is no longer running on this host.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var probe = new HealthProbe(runner, http, inputs.Root);
        using var engine = new DockerEngine(environment.Docker?.Socket ?? DockerEngine.DefaultSocket(inputs.Variables));
        IDeployStrategy strategy = environment.Strategy switch
        {
            "docker" => new DockerStrategy(engine, probe, say),
            "gitops" => new GitOpsStrategy(runner, probe, Path.Combine(nuke, "temp", "deploy"), say),
            _ => new CommandStrategy(runner, probe),
        };
        var history = environment.Strategy == "gitops" ? [] : DeploymentHistory.Read(localHistory);
        DeploymentRecord record;
        DeployOutcome outcome;
        if (inputs.Rollback)
        {
            var known = environment.Strategy == "gitops" ? await GitOpsHistoryAsync(inputs.Root, environment, cancellation).ConfigureAwait(false) : history;
            var previous = DeploymentHistory.Previous(known)
                ?? throw new InvalidDataException($"{environment.Name} has no previous deployment to return to (history: {known.Count} record(s)).");
            var request = new DeployRequest(environment, previous.Version, previous.Commit, null, inputs.Root, approval, known);
            outcome = await strategy.RollbackAsync(request, previous, cancellation).ConfigureAwait(false);
            record = request.Record("rollback", previous.Version, previous.Commit, outcome.Outcome, outcome.Health, outcome.Detail);
        }
        else
        {
            var head = await inputs.Head(cancellation).ConfigureAwait(false)
                ?? throw new InvalidDataException("git cannot read HEAD here, so the evidence cannot be matched to the commit it proves; deploy from a git checkout of the built commit.");
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var keys = environment.TrustedKeys
                .Select(k => (Entry: k, Key: EvidenceKey.Read(Path.GetFullPath(k.Path, inputs.Root), $".nuke/{EnvironmentsFile.FileName} trustedKeys of {environment.Name}")))
                .ToList();
            PromotedBuild promoted;
            try
            {
                RefuseExpiredSigner(inputs, environment, keys.Where(k => k.Entry.HasExpired(today)).ToList());
                var trusted = keys.Where(k => !k.Entry.HasExpired(today)).Select(k => k.Key).ToList();
                if (trusted.Count == 0 && DeployEnvironment.LooksLikeProduction(environment.Name))
                {
                    warn($"{environment.Name} deploys evidence whoever signed it, or unsigned: list the public keys of your builds as trustedKeys in .nuke/{EnvironmentsFile.FileName}.");
                }

                promoted = PromotedBuild.From(inputs.Evidence, head, environment.Docker?.Image, inputs.RequiredGates, trusted.Count == 0 ? null : trusted);
            }
            finally
            {
                keys.ForEach(k => k.Key.Dispose());
            }

            if (promoted.SignedBy is null)
            {
                warn($"{environment.Name}: promoting an unsigned bundle ({inputs.Evidence}); nothing proves which build wrote it or that its commit was not rewritten. Sign builds with --evidence-signing-key and list their public keys as trustedKeys in .nuke/{EnvironmentsFile.FileName}.");
            }

            evidence.WriteFile("promoted-manifest.json", File.ReadAllText(Path.Combine(inputs.Evidence, Manifest.FileName)));
            var request = new DeployRequest(environment, promoted.Version, promoted.Commit, promoted.Image, inputs.Root, approval, history);
            say($"Deploying {promoted.Version} ({promoted.Commit[..12]}) to {environment.Name} with {environment.Strategy}");
            outcome = await strategy.DeployAsync(request, cancellation).ConfigureAwait(false);
            record = request.Record("deploy", promoted.Version, promoted.Commit, outcome.Outcome, outcome.Health, outcome.Detail);
        }

        if (!outcome.HistoryWritten)
        {
            DeploymentHistory.Append(localHistory, record);
        }

        evidence.Version = record.Version;
        evidence.WriteFile("deployment.json", EvidenceJson.Serialize(record));
        var headline = $"{record.Version} → {environment.Name} ({environment.Strategy}): {record.Outcome}";
        always($"{action} {headline}. {record.Detail}{(record.Health is null ? "" : $"; health: {record.Health}")}");
        var reasons = record.Outcome == "succeeded" ? new List<string>() : [$"{action.ToLowerInvariant()} {record.Outcome}: {record.Detail}{(record.Health is null ? "" : $" ({record.Health})")}"];
        return new GateResult(
            Name, reasons.Count == 0 ? GateStatus.Passed : GateStatus.Failed, headline, reasons,
            new Dictionary<string, double>(), new Dictionary<string, double>(), new Dictionary<string, string> { ["strategy"] = environment.Strategy },
            [new Finding
            {
                Kind = inputs.Rollback ? "rollback" : "deployment",
                Message = record.Detail ?? "",
                Rule = environment.Name,
                Detail = record.Health,
            }]);
    }

    private async Task<IReadOnlyList<DeploymentRecord>> GitOpsHistoryAsync(string root, DeployEnvironment environment, CancellationToken cancellation)
    {
        var target = environment.GitOps!;
        var source = Uri.TryCreate(target.Repository, UriKind.Absolute, out var uri) && !uri.IsFile ? target.Repository : Path.GetFullPath(target.Repository, root);
        var scratch = Path.Combine(root, ".nuke", "temp", "deploy", $"{environment.Name}-history");
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }

        var clone = await runner.RunAsync(
            new ProcessSpec("git", ["clone", "--quiet", "--depth", "1", "--branch", target.Branch, source, scratch], root, TimeSpan.FromMinutes(5)), cancellation).ConfigureAwait(false);
        if (!clone.Succeeded)
        {
            throw new InvalidDataException($"git clone {target.Repository} failed: {clone.Error.Trim().Split('\n')[0]}");
        }

        return DeploymentHistory.Read(Path.Combine(scratch, environment.History));
    }

    // A bundle signed by a key whose trust has ended is refused by name, not just as "not among the trusted keys".
    private static void RefuseExpiredSigner(DeployInputs inputs, DeployEnvironment environment, IReadOnlyList<(TrustedKey Entry, EvidenceKey Key)> expired)
    {
        if (expired.Count == 0 || !File.Exists(Path.Combine(inputs.Evidence, Manifest.FileName)))
        {
            return;
        }

        string? signer;
        try
        {
            signer = BundleFiles.ReadManifest(inputs.Evidence).Signing?.KeyId;
        }
        catch (InvalidDataException)
        {
            return; // the verifier names what is wrong with the manifest
        }

        if (expired.FirstOrDefault(k => k.Key.Id == signer) is { Key: not null } past)
        {
            throw new InvalidDataException(
                $"the evidence at {inputs.Evidence} is signed by key {signer} ({past.Entry.Path}), which {environment.Name} trusted until {past.Entry.Until:yyyy-MM-dd}; build again with the current key.");
        }
    }
}
