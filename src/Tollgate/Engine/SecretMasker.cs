using System.Text.RegularExpressions;

namespace Tollgate.Engine;

/// <summary>Replaces every known secret value in a text with <c>***</c>. Thread-safe.</summary>
internal sealed partial class SecretMasker
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // A user-info part without a password this long is a token used as the user name (https://TOKEN@host).
    private const int TokenLength = 16;

    private readonly object gate = new();
    private string[] secrets = [];

    /// <summary>Registers a secret value; empty and very short values are ignored (masking them would mangle every line).</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 3)
        {
            return;
        }

        lock (gate)
        {
            // Longest first, so a secret containing another is masked whole.
            secrets = secrets.Append(secret).Distinct().OrderByDescending(s => s.Length).ToArray();
        }
    }

    /// <summary>
    /// Registers the credentials of every URL in <paramref name="value"/> (<c>https://user:token@host/…</c>): the
    /// whole user-info part and the password alone, so a feed or repository URL never shows them. A user name
    /// alone is masked only when it is long enough to be a token.
    /// </summary>
    public void AddUrlCredentials(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        foreach (Match match in UrlUserInfo().Matches(value))
        {
            var userInfo = match.Groups["info"].Value;
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 && userInfo.Length < TokenLength)
            {
                continue; // a plain user name (ssh://git@host): masking it would mangle every line that says "git"
            }

            Add(userInfo);
            Add(Uri.UnescapeDataString(userInfo));
            if (colon >= 0)
            {
                Add(userInfo[(colon + 1)..]);
                Add(Uri.UnescapeDataString(userInfo[(colon + 1)..]));
            }
        }
    }

    /// <summary>The text with every registered secret masked.</summary>
    public string Apply(string text)
    {
        var current = secrets;
        foreach (var secret in current)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9+.\-]*://(?<info>[^/@\s]+)@")]
    private static partial Regex UrlUserInfo();
}
