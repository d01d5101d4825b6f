using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tollgate.IO;

/// <summary>What <see cref="RawFile.Open"/> found at a name.</summary>
internal enum RawFileKind
{
    /// <summary>A regular file, open for reading.</summary>
    Regular,

    /// <summary>Nothing (deleted since it was listed).</summary>
    Missing,

    /// <summary>A symbolic link, not followed.</summary>
    Link,

    /// <summary>A directory (a submodule, for git).</summary>
    Directory,

    /// <summary>A FIFO, a socket or a device: nothing to read without waiting or without end.</summary>
    Special,
}

/// <summary>
/// Opens a file by the bytes of its name, as the file system holds them. .NET's file APIs take names as text, so a
/// name that is not UTF-8 (legal on Linux) cannot be opened through them; on Linux and macOS the name goes to
/// <c>open(2)</c> as it is. A symbolic link is never followed (<c>O_NOFOLLOW</c>), a FIFO never waited on
/// (<c>O_NONBLOCK</c>), and only a file that can seek (a regular one) is handed back, with its size at opening:
/// read no further than that (a device says 0 and never ends).
/// </summary>
internal static class RawFile
{
    /// <summary>The file <paramref name="relative"/> below <paramref name="root"/>: its kind, and for a regular file a stream and its length.</summary>
    /// <exception cref="IOException">It exists and cannot be read; the message says why.</exception>
    /// <exception cref="UnauthorizedAccessException">It exists and cannot be read; the message says why.</exception>
    public static (RawFileKind Kind, FileStream? Stream, long Length) Open(string root, RawPath relative)
    {
        var text = Path.Combine(root, relative.Text);
        if (relative.IsText && Directory.Exists(text) && (File.GetAttributes(text) & FileAttributes.ReparsePoint) == 0)
        {
            return (RawFileKind.Directory, null, 0);
        }

        return Flags() is { } flags ? OpenRaw(root, relative, flags) : OpenByText(text, relative);
    }

    private static (RawFileKind, FileStream?, long) OpenRaw(string root, RawPath relative, int flags)
    {
        byte[] path = [.. System.Text.Encoding.UTF8.GetBytes(root.TrimEnd('/') + "/"), .. relative.Bytes, 0];
        var descriptor = OpenNative(path, flags);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error switch
            {
                2 or 20 => (RawFileKind.Missing, null, 0), // ENOENT, ENOTDIR
                40 when OperatingSystem.IsLinux() => (RawFileKind.Link, null, 0), // ELOOP
                62 when OperatingSystem.IsMacOS() => (RawFileKind.Link, null, 0),
                _ => throw new IOException($"{relative.Text}: {Marshal.GetPInvokeErrorMessage(error)}"),
            };
        }

        return RegularOrSpecial(new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, 1));
    }

    private static (RawFileKind, FileStream?, long) OpenByText(string path, RawPath relative)
    {
        if (!relative.IsText)
        {
            throw new IOException($"{relative.Text}: a name that is not UTF-8 cannot be opened on this system");
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Exists && info.Attributes.HasFlag(FileAttributes.ReparsePoint))
        {
            return (RawFileKind.Link, null, 0);
        }

        if (!info.Exists)
        {
            return (RawFileKind.Missing, null, 0);
        }

        return RegularOrSpecial(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan));
    }

    // Only a file that can seek is regular; a FIFO or a socket is closed again and named special. The length is the one at opening.
    private static (RawFileKind, FileStream?, long) RegularOrSpecial(FileStream stream)
    {
        if (stream.CanSeek)
        {
            return (RawFileKind.Regular, stream, stream.Length);
        }

        stream.Dispose();
        return (RawFileKind.Special, null, 0);
    }

    // O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, whose values differ between systems and, on Linux, processors.
    private static int? Flags()
    {
        if (OperatingSystem.IsLinux())
        {
            var noFollow = RuntimeInformation.ProcessArchitecture is System.Runtime.InteropServices.Architecture.Arm or System.Runtime.InteropServices.Architecture.Arm64 or System.Runtime.InteropServices.Architecture.Ppc64le ? 0x8000 : 0x20000;
            return 0x80000 | noFollow | 0x800;
        }

        return OperatingSystem.IsMacOS() ? 0x1000000 | 0x100 | 0x4 : null;
    }

    // DllImport rather than LibraryImport: a byte array needs no marshalling code, and the assembly stays free of unsafe code.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int OpenNative(byte[] path, int flags);
}
