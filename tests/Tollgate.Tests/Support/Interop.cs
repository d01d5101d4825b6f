using System.Globalization;
using System.Runtime.InteropServices;

namespace Tollgate.Tests.Support;

internal static partial class Interop
{
    public const int Sigint = 2;

    [LibraryImport("libc", EntryPoint = "kill")]
    public static partial int Kill(int pid, int signal);

    /// <summary>
    /// Gives SIGINT its default disposition back when this process inherited it ignored: a test run started
    /// in the background (<c>./build.sh Test &amp;</c>) ignores SIGINT, every child inherits that ignore, and
    /// .NET honours it, so a child could never be interrupted. Only called by the test that is about Ctrl-C.
    /// </summary>
    public static void RestoreIgnoredSigint()
    {
        const string prefix = "SigIgn:";
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (line is not null && (ulong.Parse(line[prefix.Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (Sigint - 1))) != 0)
        {
            _ = Signal(Sigint, 0); // SIG_DFL
        }
    }

    /// <summary>Makes a FIFO (named pipe) at <paramref name="path"/>, as mkfifo does; 0 on success.</summary>
    public static int MakeFifo(string path) => MkFifo(path, 0x180); // 0600

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
