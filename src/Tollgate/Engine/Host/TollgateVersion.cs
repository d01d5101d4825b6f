using System.Reflection;

namespace Tollgate.Engine;

/// <summary>The version of the Tollgate assembly running the build.</summary>
internal static class TollgateVersion
{
    /// <summary>The informational version without build metadata, e.g. <c>1.4.0</c>.</summary>
    public static string Current { get; } =
        (typeof(TollgateVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
