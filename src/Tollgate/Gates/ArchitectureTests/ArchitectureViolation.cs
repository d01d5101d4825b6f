namespace Tollgate.Gates.ArchitectureTests;

/// <summary>One breach of a rule: which type, on what, found where.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Type">The offending type.</param>
/// <param name="Dependency">The type it depends on (for placement: where it should be).</param>
/// <param name="Member">Where the dependency was found (member), or "placement".</param>
/// <param name="Message">One line for people.</param>
internal sealed record ArchitectureViolation(string Rule, string Type, string Dependency, string Member, string Message)
{
    /// <summary>What identifies it in a frozen baseline: rule, type and dependency (members move; the breach is the same).</summary>
    public string Key => $"{Rule}|{Type}|{Dependency}";
}
