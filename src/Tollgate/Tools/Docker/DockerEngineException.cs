namespace Tollgate.Tools.Docker;

/// <summary>The Docker engine could not be reached, or refused a request; the message says which and what to do.</summary>
internal sealed class DockerEngineException(string message, Exception? inner = null) : IOException(message, inner);
