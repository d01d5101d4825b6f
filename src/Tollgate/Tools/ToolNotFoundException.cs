namespace Tollgate.Tools;

/// <summary>An external program is not installed; the message says how to install it.</summary>
internal sealed class ToolNotFoundException(string tool, string? hint)
    : Exception($"'{tool}' is not installed or not on PATH.{(hint is null ? "" : " " + hint)}")
{
    /// <summary>The program that was not found.</summary>
    public string Tool { get; } = tool;
}
