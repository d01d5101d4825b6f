namespace Tollgate.Tests.Security;

/// <summary>
/// Credentials of each format the secret scan knows, put together at run time so that no source file of
/// Tollgate holds one (the scan of Tollgate's own repository must stay clean).
/// </summary>
internal static class PlantedSecrets
{
    public static readonly string AwsKeyId = "AKIA" + "Z7Q2XK4M9PLW3RTB";
    public static readonly string AwsSecret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYzQ8vN3kL5h";
    public static readonly string GitHub = "ghp" + "_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    public static readonly string GitLab = "glpat" + "-" + "Xy7Zq3Wm9Kp2Lr5Tn8Vb";
    public static readonly string Slack = "xoxb" + "-" + "1234567890-abcdefghij";
    public static readonly string DbPassword = "S3cr3t!Pa55" + "word42";
    public static readonly string UrlPassword = "hunter2" + "Hunter2";
    public static readonly string KeyHeader = "-----BEGIN RSA " + "PRIVATE KEY-----";

    /// <summary>A file with one of each, line by line; the rule expected on each line.</summary>
    public static (string Text, (string Rule, int Line)[] Expected) File() =>
    (
        string.Join("\n",
            $"aws_access_key_id = {AwsKeyId}",
            $"aws_secret_access_key = {AwsSecret}",
            $"token: {GitHub}",
            $"GITLAB_TOKEN={GitLab}",
            $"slack = \"{Slack}\"",
            $"\"Db\": \"Server=db.internal;Database=shop;User Id=app;Password={DbPassword};\"",
            $"amqp://app:{UrlPassword}@queue.internal:5672/",
            KeyHeader,
            "MIIEowIBAAKCAQEA",
            "-----END RSA " + "PRIVATE KEY-----"),
        [("aws-access-key-id", 1), ("aws-secret-access-key", 2), ("github-token", 3), ("gitlab-token", 4), ("slack-token", 5),
         ("connection-string-password", 6), ("url-credentials", 7), ("private-key", 8)]
    );

    public static IEnumerable<string> Values => [AwsKeyId, AwsSecret, GitHub, GitLab, Slack, DbPassword, UrlPassword];
}
