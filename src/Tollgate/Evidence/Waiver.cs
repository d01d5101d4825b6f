namespace Tollgate;

/// <summary>A check the policy let a gate leave out, and the policy's reason: shown in the evidence for all to see.</summary>
/// <param name="Subject">What was waived, e.g. the scanner <c>trivy</c>.</param>
/// <param name="Reason">Why, in the policy's words.</param>
/// <param name="Source">The policy file that grants it.</param>
public sealed record Waiver(string Subject, string Reason, string Source);
