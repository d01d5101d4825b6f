using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Tools.Docker;

namespace Tollgate.Deploy;

/// <summary>
/// Runs the image as a new container through the Engine API (host networking), on the slot port the
/// running one does not use, and switches only when its health check passes: the previous container is
/// then stopped and kept for rollback. A failing check removes the new container and leaves the old one
/// serving. With a single port the old container is stopped first (and started again on failure).
/// </summary>
internal sealed class DockerStrategy(DockerEngine engine, HealthProbe probe, Action<string> log) : IDeployStrategy
{
    private const string EnvironmentLabel = "tollgate.environment";

    /// <inheritdoc />
    public async Task<DeployOutcome> DeployAsync(DeployRequest request, CancellationToken cancellation)
    {
        var target = request.Environment.Docker!;
        var image = request.Image ?? $"{target.Image}:{request.Version}";
        await EnsureImageAsync(image, cancellation).ConfigureAwait(false);
        var containers = await ContainersAsync(request.Environment.Name, cancellation).ConfigureAwait(false);
        var current = containers.FirstOrDefault(c => c.Running);
        var port = target.Ports.Count == 2 && current is not null && current.Port == target.Ports[0] ? target.Ports[1] : target.Ports[0];
        var sideBySide = current is null || current.Port != port;
        if (!sideBySide)
        {
            log($"Stopping {current!.Name} first: one port, no side-by-side switch");
            await engine.StopContainerAsync(current.Id, 10, cancellation).ConfigureAwait(false);
        }

        var name = $"{target.Container}-{Slug(request.Version)}-{Guid.NewGuid().ToString("N")[..6]}";
        var id = await engine.CreateContainerAsync(name, Body(image, request, port), cancellation).ConfigureAwait(false);
        await engine.StartContainerAsync(id, cancellation).ConfigureAwait(false);
        log($"Started {name} ({image}) on port {port}; checking its health");
        var (passed, health) = await CheckAsync(request.Environment, id, port, cancellation).ConfigureAwait(false);
        if (!passed)
        {
            await engine.RemoveContainerAsync(id, cancellation).ConfigureAwait(false);
            if (!sideBySide)
            {
                await engine.StartContainerAsync(current!.Id, cancellation).ConfigureAwait(false);
            }

            return new DeployOutcome("rolled-back", health, $"{name} failed its health check and was removed; {current?.Name ?? "nothing"} keeps serving");
        }

        if (current is not null && sideBySide)
        {
            await engine.StopContainerAsync(current.Id, 10, cancellation).ConfigureAwait(false);
        }

        foreach (var old in containers.Where(c => !c.Running && c.Id != current?.Id))
        {
            await engine.RemoveContainerAsync(old.Id, cancellation).ConfigureAwait(false);
        }

        return new DeployOutcome("succeeded", health, $"{name} serves on port {port}{(current is null ? "" : $"; {current.Name} stopped and kept for rollback")}");
    }

    /// <inheritdoc />
    public async Task<DeployOutcome> RollbackAsync(DeployRequest request, DeploymentRecord previous, CancellationToken cancellation)
    {
        var containers = await ContainersAsync(request.Environment.Name, cancellation).ConfigureAwait(false);
        var current = containers.FirstOrDefault(c => c.Running);
        var kept = containers.Where(c => !c.Running && c.Version == previous.Version).OrderByDescending(c => c.Created).FirstOrDefault()
            ?? throw new InvalidDataException($"no stopped container of {request.Environment.Name} runs {previous.Version}; nothing to roll back to (deploy that version instead).");
        var sideBySide = current is null || current.Port != kept.Port;
        if (!sideBySide)
        {
            await engine.StopContainerAsync(current!.Id, 10, cancellation).ConfigureAwait(false);
        }

        await engine.StartContainerAsync(kept.Id, cancellation).ConfigureAwait(false);
        var (passed, health) = await CheckAsync(request.Environment, kept.Id, kept.Port, cancellation).ConfigureAwait(false);
        if (!passed)
        {
            await engine.StopContainerAsync(kept.Id, 10, cancellation).ConfigureAwait(false);
            if (!sideBySide)
            {
                await engine.StartContainerAsync(current!.Id, cancellation).ConfigureAwait(false);
            }

            return new DeployOutcome("failed", health, $"{kept.Name} failed its health check; {current?.Name ?? "nothing"} keeps serving");
        }

        if (current is not null && sideBySide)
        {
            await engine.StopContainerAsync(current.Id, 10, cancellation).ConfigureAwait(false);
        }

        return new DeployOutcome("succeeded", health, $"{kept.Name} serves again on port {kept.Port}{(current is null ? "" : $"; {current.Name} stopped")}");
    }

    private async Task EnsureImageAsync(string image, CancellationToken cancellation)
    {
        if (await engine.InspectImageAsync(image, cancellation).ConfigureAwait(false) is not null)
        {
            return;
        }

        try
        {
            log($"Pulling {image}");
            await engine.PullAsync(image, null, cancellation).ConfigureAwait(false);
        }
        catch (DockerEngineException exception) when (!exception.Message.StartsWith("The Docker engine is not reachable", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"image {image} is not in the engine and could not be pulled ({exception.Message}); run Package with --container-registry, or check the registry.", exception);
        }
    }

    private async Task<(bool, string)> CheckAsync(DeployEnvironment environment, string id, int port, CancellationToken cancellation)
    {
        if (environment.Health is { } check)
        {
            return await probe.WaitAsync(check, port, environment.Timeout, cancellation).ConfigureAwait(false);
        }

        await Task.Delay(1000, cancellation).ConfigureAwait(false);
        var state = await engine.InspectContainerAsync(id, cancellation).ConfigureAwait(false);
        var running = state?["State"]?["Running"]?.GetValue<bool>() == true;
        return (running, running ? "no health check declared; the container is running" : "the container stopped");
    }

    private static JsonObject Body(string image, DeployRequest request, int port) => new()
    {
        ["Image"] = image,
        ["Env"] = new JsonArray($"PORT={port}", $"TOLLGATE_VERSION={request.Version}", $"TOLLGATE_ENVIRONMENT={request.Environment.Name}"),
        ["Labels"] = new JsonObject
        {
            [EnvironmentLabel] = request.Environment.Name,
            ["tollgate.version"] = request.Version,
            ["tollgate.commit"] = request.Commit ?? "",
            ["tollgate.port"] = port.ToString(CultureInfo.InvariantCulture),
        },
        ["HostConfig"] = new JsonObject { ["NetworkMode"] = "host" },
    };

    private async Task<IReadOnlyList<Slot>> ContainersAsync(string environment, CancellationToken cancellation) =>
        (await engine.ListContainersAsync($"{EnvironmentLabel}={environment}", cancellation).ConfigureAwait(false))
        .Select(c => new Slot(
            c!["Id"]!.GetValue<string>(),
            c["Names"]?[0]?.GetValue<string>().TrimStart('/') ?? "",
            c["State"]?.GetValue<string>() == "running",
            c["Labels"]?["tollgate.version"]?.GetValue<string>() ?? "",
            int.TryParse(c["Labels"]?["tollgate.port"]?.GetValue<string>(), CultureInfo.InvariantCulture, out var p) ? p : 0,
            c["Created"]?.GetValue<long>() ?? 0))
        .OrderByDescending(c => c.Created).ToList();

    private static string Slug(string version) => string.Concat(version.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-'));

    private sealed record Slot(string Id, string Name, bool Running, string Version, int Port, long Created);
}
