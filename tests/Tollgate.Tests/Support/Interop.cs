using System.Runtime.InteropServices;

namespace Tollgate.Tests.Support;

internal static partial class Interop
{
    public const int Sigint = 2;

    [LibraryImport("libc", EntryPoint = "kill")]
    public static partial int Kill(int pid, int signal);
}
