using Tollgate.IO;
using Tollgate.Tools;
using Tollgate.Tools.Docker;
using Tollgate.Tools.Dotnet;

namespace Tollgate.Gates.Package;

/// <summary>
/// Builds a project's container image through the Docker Engine API: <c>dotnet publish</c> with the
/// build's version, then the project directory (without <c>bin/</c>, <c>obj/</c>) plus the publish output
/// under <c>publish/</c> as the build context, tagged with the version and the commit and labelled with
/// the OCI annotations; then pushes both tags when a registry is given.
/// </summary>
internal sealed class ContainerPackager(ProcessRunner runner, DockerEngine engine, Action<string> progress, ToolHooks? hooks = null)
{
    /// <summary>Builds the image and returns it as an artifact (digest: the image id).</summary>
    public async Task<Artifact> BuildAsync(
        string root, ContainerImage image, string configuration, BuildVersion version, IReadOnlyList<string> properties, string publishDirectory, string? source, CancellationToken cancellation)
    {
        if (Directory.Exists(publishDirectory))
        {
            Directory.Delete(publishDirectory, recursive: true);
        }

        var publishing = Hooks.Apply(new DotnetPublishSettings
        {
            Project = image.Project,
            Configuration = configuration,
            Output = publishDirectory,
            Properties = [.. version.MSBuildProperties, .. properties],
        });
        var publish = await runner.RunAsync(publishing.ToProcess(DotnetCli.Program, root, installHint: DotnetCli.InstallHint), cancellation).ConfigureAwait(false);
        if (!publish.Succeeded)
        {
            throw new InvalidDataException($"dotnet publish {PortablePath.Relative(root, image.Project)} exited {publish.ExitCode}: {publish.Tail(10).Trim()}");
        }

        var build = Hooks.Apply(new DockerBuildSettings
        {
            Tags = Tags(image, version),
            Labels = ContainerImage.Labels(version, Path.GetFileNameWithoutExtension(image.Project), source),
        });
        using var context = BuildContext.Create(Path.GetDirectoryName(image.Project)!, publishDirectory);
        progress($"Building image {string.Join(", ", build.Tags)} from {PortablePath.Relative(root, image.Dockerfile)}");
        var id = await engine.BuildAsync(context, build, progress, cancellation).ConfigureAwait(false);
        return new Artifact("image", image.Repository, version.NuGetVersion, id, string.Join(" ", build.Tags));
    }

    /// <summary>Pushes both tags of a built image; the artifact's digest becomes the registry's manifest digest.</summary>
    public async Task<Artifact> PushAsync(Artifact image, string registry, RegistryCredentials? credentials, CancellationToken cancellation)
    {
        string? digest = null;
        foreach (var tag in image.Location.Split(' '))
        {
            progress($"Pushing {tag}");
            var pushed = await engine.PushAsync(image.Name, tag[(image.Name.Length + 1)..], credentials, progress, cancellation).ConfigureAwait(false);
            digest ??= pushed;
        }

        return image with { Digest = digest!, PushedTo = registry };
    }

    private ToolHooks Hooks => hooks ?? ToolHooks.None;

    /// <summary><c>repository:version</c> and <c>repository:sha</c>.</summary>
    public static IReadOnlyList<string> Tags(ContainerImage image, BuildVersion version) => [$"{image.Repository}:{version.NuGetVersion}", $"{image.Repository}:{version.Sha}"];
}
