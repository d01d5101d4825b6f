namespace Tollgate;

/// <summary>The changes every tool's settings take, keeping the settings' own type.</summary>
public static class ToolSettingsExtensions
{
    /// <summary>Adds arguments at the end of the tool's command line.</summary>
    public static T AddArguments<T>(this T settings, params string[] arguments)
        where T : ToolSettings => settings with { Arguments = [.. settings.Arguments, .. arguments] };

    /// <summary>Sets an environment variable for the tool (null removes it).</summary>
    public static T SetEnvironmentVariable<T>(this T settings, string name, string? value)
        where T : ToolSettings => settings with { EnvironmentVariables = new Dictionary<string, string?>(settings.EnvironmentVariables) { [name] = value } };

    /// <summary>Stops the tool after <paramref name="timeout"/>.</summary>
    public static T SetTimeout<T>(this T settings, TimeSpan timeout)
        where T : ToolSettings => settings with { Timeout = timeout };
}
