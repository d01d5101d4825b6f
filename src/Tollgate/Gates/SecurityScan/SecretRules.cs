using System.Text.RegularExpressions;

namespace Tollgate.Gates.SecurityScan;

/// <summary>
/// The credential formats the built-in scan knows: private keys, cloud access keys, GitHub and GitLab
/// tokens, Slack tokens, and passwords in connection strings and URLs. Placeholders
/// (<c>${VAR}</c>, <c>{0}</c>, <c>&lt;password&gt;</c>, <c>***</c>) are not secrets.
/// </summary>
internal static class SecretRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>Every rule.</summary>
    public static IReadOnlyList<SecretRule> All { get; } =
    [
        Rule("private-key", "Private key", "high", @"(?<secret>-----BEGIN[ A-Z0-9]{0,20} PRIVATE KEY(?: BLOCK)?-----)"),
        Rule("aws-access-key-id", "AWS access key id", "critical", @"\b(?<secret>(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b"),
        Rule("aws-secret-access-key", "AWS secret access key", "critical", @"(?i:aws_?secret_?access_?key)[""']?\s*[:=]\s*[""']?(?<secret>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])"),
        Rule("azure-storage-key", "Azure storage account key", "critical", @"(?i:AccountKey)=(?<secret>[A-Za-z0-9+/]{86}==)"),
        Rule("github-token", "GitHub token", "critical", @"\b(?<secret>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{82})\b"),
        Rule("gitlab-token", "GitLab token", "critical", @"\b(?<secret>glpat-[A-Za-z0-9_\-]{20,})"),
        Rule("slack-token", "Slack token", "high", @"\b(?<secret>xox[baprs]-[A-Za-z0-9-]{10,})"),
        Rule("connection-string-password", "Password in a connection string", "high",
            @"(?i:(?:server|data source|host|addr|address)\s*=[^;""'\r\n]*;(?:[^;""'\r\n]*;)*?\s*(?:password|pwd)\s*=\s*)(?<secret>[^;""'\s]+)"),
        Rule("url-credentials", "Password in a URL", "high", @"\b[a-z][a-z0-9+.\-]{1,20}://[^/\s:@""']+:(?<secret>[^/\s:@""']+)@[^/\s""']"),
    ];

    /// <summary>Whether a matched value is a placeholder rather than a secret.</summary>
    public static bool IsPlaceholder(string value) =>
        value.Length < 4
        || value[0] is '$' or '{' or '<' or '%' or '('
        || value.All(c => c is '*' or 'x' or 'X' or '.' or '-' or '_')
        || PlaceholderWords.Contains(value);

    private static readonly HashSet<string> PlaceholderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "pwd", "secret", "token", "changeme", "example", "redacted", "placeholder",
    };

    /// <summary>A value in a form safe to show: the first four characters of a long one, then stars; only stars for a short one.</summary>
    public static string Mask(string value) => value.Length >= 16 ? value[..4] + "********" : "********";

    private static SecretRule Rule(string id, string title, string severity, string pattern) =>
        new(id, title, severity, new Regex(pattern, Options, TimeSpan.FromSeconds(1)));
}
