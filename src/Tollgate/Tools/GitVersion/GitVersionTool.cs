using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Tools.GitVersion;

/// <summary>The variables <c>dotnet-gitversion /output json</c> reports that a build needs.</summary>
internal sealed record GitVersionVariables(string SemVer, string FullSemVer, string InformationalVersion, string AssemblySemVer, string NuGetVersion, string Sha, string BranchName);

/// <summary>Runs <c>dotnet-gitversion</c> (GitVersion's .NET tool, when installed) and reads its JSON.</summary>
internal static class GitVersionTool
{
    /// <summary>The program.</summary>
    public const string Program = "dotnet-gitversion";

    /// <summary>Asks GitVersion for the version of the repository at <paramref name="root"/>.</summary>
    /// <exception cref="ToolNotFoundException">It is not installed.</exception>
    /// <exception cref="InvalidDataException">It failed or its JSON lacks a variable.</exception>
    public static async Task<GitVersionVariables> RunAsync(ProcessRunner runner, string root, string program, CancellationToken cancellation)
    {
        var result = await runner.RunAsync(
            new ProcessSpec(program, ["/output", "json", "/nofetch"], root, TimeSpan.FromMinutes(5), InstallHint: "Install it with 'dotnet tool install --global GitVersion.Tool', or use --version-tool git."),
            cancellation).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidDataException($"{program} failed (exit {result.ExitCode}): {(result.Error + result.Output).Trim().Split('\n')[0]}");
        }

        try
        {
            var json = JsonNode.Parse(result.Output) ?? throw new InvalidDataException($"{program} printed no JSON.");
            string Get(string name) => json[name]?.ToString() is { Length: > 0 } value ? value : throw new InvalidDataException($"{program}'s JSON has no {name}.");
            var semVer = Get("SemVer");
            return new GitVersionVariables(
                semVer, Get("FullSemVer"), Get("InformationalVersion"), Get("AssemblySemVer"),
                json["NuGetVersionV2"]?.ToString() is { Length: > 0 } nuget ? nuget : semVer, Get("Sha"), Get("BranchName"));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{program} did not print JSON ({exception.Message.Split('\n')[0]}).", exception);
        }
    }
}
