using Tollgate.Engine;

namespace Tollgate.Tests.Host;

internal sealed record HostRun(int ExitCode, string Output, string Error)
{
    public static async Task<HostRun> RunAsync<T>(
        string directory, string[] args, Dictionary<string, string>? environment = null, string? defaultTarget = null, TextReader? terminal = null)
        where T : BuildBase, new()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var variables = new Dictionary<string, string>(environment ?? []);
        variables.TryAdd(Support.NoSharedResultCache.Variable, "off");
        var host = new HostEnvironment(directory, variables, output, error, HandleSignals: false, terminal);
        var code = await BuildHost.RunAsync<T>(args, defaultTarget, host);
        return new HostRun(code, output.ToString(), error.ToString());
    }

    public string LastLine => Output.TrimEnd().Split('\n')[^1];
}
