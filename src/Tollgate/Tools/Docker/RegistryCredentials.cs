using System.Text;
using System.Text.Json;

namespace Tollgate.Tools.Docker;

/// <summary>A registry login, sent to the engine as its <c>X-Registry-Auth</c> header (never logged).</summary>
internal sealed record RegistryCredentials(string? Username, string? Password, string ServerAddress)
{
    /// <summary>No login.</summary>
    public static RegistryCredentials Anonymous { get; } = new(null, null, "");

    /// <summary>The header value: base64url of the JSON auth config.</summary>
    public string Header => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["username"] = Username,
        ["password"] = Password,
        ["serveraddress"] = ServerAddress,
    }))).Replace('+', '-').Replace('/', '_');
}
