namespace Tollgate.Tools.Dotnet;

/// <summary>The version of the .NET SDK that <c>dotnet</c> resolves in a directory (honouring global.json).</summary>
public static class SdkVersion
{
    /// <summary>The SDK version, e.g. <c>10.0.401</c>, or "unknown" when dotnet does not answer.</summary>
    public static async Task<string> ReadAsync(ProcessRunner runner, string directory, CancellationToken cancellation)
    {
        var result = await runner.RunAsync(
            new ProcessSpec(DotnetCli.Program, DotnetCli.Version(), directory, TimeSpan.FromMinutes(1), InstallHint: DotnetCli.InstallHint),
            cancellation).ConfigureAwait(false);
        return result.Succeeded ? result.Output.Trim() : "unknown";
    }
}
