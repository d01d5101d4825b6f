namespace Tollgate;

/// <summary>
/// A problem with the build's input (arguments, parameters, target graph) rather than with the code
/// being built. Its message is one line that names the value and the fix; the host prints it and exits 2.
/// </summary>
public sealed class BuildException(string message) : Exception(message);
