namespace Tollgate.Gates.Package;

/// <summary>One thing Package made: a NuGet package or a container image, with its digest and where it was pushed.</summary>
/// <param name="Kind"><c>nupkg</c>, <c>snupkg</c> or <c>image</c>.</param>
/// <param name="Name">The package id, or the image repository.</param>
/// <param name="Version">The version it carries.</param>
/// <param name="Digest">The nupkg's <c>sha256:…</c>, or the image's id / registry digest.</param>
/// <param name="Location">The file (repository-relative) or the image's tags.</param>
/// <param name="PushedTo">The feed or registry it was pushed to, when it was.</param>
internal sealed record Artifact(string Kind, string Name, string Version, string Digest, string Location, string? PushedTo = null);
