namespace Tollgate.Deploy;

/// <summary>A public key an environment trusts: its PEM file (a path from the root), and the last day it is trusted (none: until removed).</summary>
internal sealed record TrustedKey(string Path, DateOnly? Until)
{
    /// <summary>True when <paramref name="today"/> is past the last day of trust.</summary>
    public bool HasExpired(DateOnly today) => Until is { } until && today > until;
}
