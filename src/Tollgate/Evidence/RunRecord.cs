namespace Tollgate;

/// <summary>A parameter as written into evidence; a secret's value is never present.</summary>
public sealed record ParameterRecord
{
    /// <summary>Its kebab-case name, e.g. <c>coverage-threshold</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Its value as text; null for a secret or an unset parameter.</summary>
    public string? Value { get; init; }

    /// <summary>Where the value came from: <c>default</c>, <c>code</c>, a command-line option, a variable, a file.</summary>
    public required string Source { get; init; }

    /// <summary>True when the value is not the default.</summary>
    public bool Overridden { get; init; }

    /// <summary>True for a secret (its value is never written).</summary>
    public bool Secret { get; init; }
}

/// <summary>A target's outcome as written into evidence.</summary>
public sealed record TargetRecord
{
    /// <summary>The target's name.</summary>
    public required string Name { get; init; }

    /// <summary><c>succeeded</c>, <c>failed</c>, <c>skipped</c>, …</summary>
    public required string Status { get; init; }

    /// <summary>How long it ran.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Why it failed or was skipped.</summary>
    public string? Reason { get; init; }

    /// <summary>Its gate's headline, when it is a gate.</summary>
    public string? Headline { get; init; }
}

/// <summary>The repository a run was made in.</summary>
public sealed record RepositoryRecord
{
    /// <summary>Its directory name or the name in its remote.</summary>
    public required string Name { get; init; }

    /// <summary>The remote URL without any credentials.</summary>
    public string? Remote { get; init; }
}

/// <summary>Where a run ran: <c>local</c> or a CI host, with what the host says of the run.</summary>
public sealed record CiHostRecord
{
    /// <summary><c>local</c> or the CI host's name.</summary>
    public required string Name { get; init; }

    /// <summary>What the host says of the run (run id, page, branch, …).</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A CI definition file of the checkout a run ran in (<c>.github/workflows/ci.yml</c>, <c>Jenkinsfile</c>, …) and the SHA-256 of
/// its text with line ends made <c>\n</c>, so a checkout on Windows and one on Linux of the same file agree: what a portfolio
/// audit compares with the CI template a project should use.
/// </summary>
public sealed record CiFileRecord
{
    /// <summary>Its path from the repository's root, with <c>/</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The SHA-256 (hex) of its text with <c>\r\n</c> made <c>\n</c>.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The digest <see cref="Sha256"/> holds, of <paramref name="content"/>.</summary>
    public static string DigestOf(ReadOnlySpan<byte> content)
    {
        var text = System.Text.Encoding.UTF8.GetString(content).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>Everything about a run that is not a gate's own result.</summary>
public sealed record RunRecord
{
    /// <summary>The Tollgate version that ran.</summary>
    public required string TollgateVersion { get; init; }

    /// <summary>The repository.</summary>
    public required RepositoryRecord Repository { get; init; }

    /// <summary>The commit, when in git.</summary>
    public string? Commit { get; init; }

    /// <summary>When the commit was made (its committer date), when in git.</summary>
    public DateTimeOffset? CommittedAt { get; init; }

    /// <summary>The build's version, when known.</summary>
    public string? Version { get; init; }

    /// <summary>Where it ran.</summary>
    public required CiHostRecord CiHost { get; init; }

    /// <summary>The CI definition files of the checkout the run ran in, with their digests.</summary>
    public IReadOnlyList<CiFileRecord> CiFiles { get; init; } = [];

    /// <summary>When it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it ran.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>The targets asked for.</summary>
    public IReadOnlyList<string> Requested { get; init; } = [];

    /// <summary><c>succeeded</c> or <c>failed</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The run's error, when it failed before or outside a gate.</summary>
    public string? Error { get; init; }

    /// <summary>Every parameter and where its value came from.</summary>
    public IReadOnlyList<ParameterRecord> Parameters { get; init; } = [];

    /// <summary>Every target's outcome.</summary>
    public IReadOnlyList<TargetRecord> Targets { get; init; } = [];
}
