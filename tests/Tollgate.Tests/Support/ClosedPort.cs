namespace Tollgate.Tests.Support;

/// <summary>
/// A TCP port on 127.0.0.1 that refuses connections for the whole test: port 1, below the range the system hands out
/// for port 0 (where every test server binds, <see cref="FreePort"/>). A port that is merely free at one moment can be
/// taken a moment later by the server of a test running beside; this one cannot.
/// </summary>
internal static class ClosedPort
{
    public const int Number = 1;
}
