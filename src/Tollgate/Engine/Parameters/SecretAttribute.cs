namespace Tollgate;

/// <summary>A parameter whose value is masked in every log line and never written to evidence.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
