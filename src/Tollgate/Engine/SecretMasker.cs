namespace Tollgate.Engine;

/// <summary>Replaces every known secret value in a text with <c>***</c>. Thread-safe.</summary>
public sealed class SecretMasker
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

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
}
