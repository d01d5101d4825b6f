namespace Tollgate;

/// <summary>A check the policy let a gate leave out, and the policy's reason: shown in the evidence for all to see.</summary>
public sealed record Waiver
{
    /// <summary>What was waived, e.g. the scanner <c>trivy</c>.</summary>
    public required string Subject { get; init; }

    /// <summary>Why, in the policy's words.</summary>
    public required string Reason { get; init; }

    /// <summary>The policy file that grants it.</summary>
    public required string Source { get; init; }
}
