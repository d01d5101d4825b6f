namespace Tollgate;

/// <summary>Thrown by a target to fail with a message meant for the user (no stack trace is shown).</summary>
public sealed class TargetFailedException(string message) : Exception(message);
