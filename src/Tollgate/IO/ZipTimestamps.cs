using System.Buffers.Binary;

namespace Tollgate.IO;

/// <summary>
/// Sets every entry of a zip file (a <c>.nupkg</c>) to one fixed time, in place. <c>dotnet pack</c> stamps each entry with
/// the time it packed, the only thing that makes two packs of the same assemblies differ; the entries' bytes, their order
/// and NuGet's compression are left exactly as they were. Both copies of the time are set: the central directory's and
/// each entry's local header.
/// </summary>
internal static class ZipTimestamps
{
    /// <summary>The time every entry gets: 2000-01-01 00:00, as an MS-DOS date and time.</summary>
    public static readonly DateTime Fixed = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private const uint EndOfDirectory = 0x06054b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint Zip64End = 0x06064b50;
    private const uint DirectoryEntry = 0x02014b50;
    private const uint LocalHeader = 0x04034b50;

    /// <summary>Sets every entry's time in <paramref name="path"/> to <see cref="Fixed"/>; returns how many entries it set.</summary>
    /// <exception cref="InvalidDataException">The file is not a zip file Tollgate can read.</exception>
    public static int Normalise(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (directory, count) = CentralDirectory(bytes, path);
        var (time, date) = DosTime(Fixed);
        var position = directory;
        for (var i = 0L; i < count; i++)
        {
            Expect(bytes, position, DirectoryEntry, path);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)position + 12), time);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)position + 14), date);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)position + 28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)position + 30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)position + 32));
            var local = LocalOffset(bytes, position, nameLength, extraLength);
            Expect(bytes, local, LocalHeader, path);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)local + 10), time);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)local + 12), date);
            position += 46 + nameLength + extraLength + commentLength;
        }

        AtomicFile.Write(path, bytes);
        return (int)count;
    }

    private static (ushort Time, ushort Date) DosTime(DateTime at) =>
        ((ushort)((at.Hour << 11) | (at.Minute << 5) | (at.Second / 2)), (ushort)(((at.Year - 1980) << 9) | (at.Month << 5) | at.Day));

    // The end record is the last 22 bytes unless a comment follows it; a zip64 file points on to its zip64 end record.
    private static (long Offset, long Count) CentralDirectory(byte[] bytes, string path)
    {
        for (var end = bytes.Length - 22; end >= Math.Max(0, bytes.Length - 22 - ushort.MaxValue); end--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end)) != EndOfDirectory)
            {
                continue;
            }

            long count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10));
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
            if ((offset == uint.MaxValue || count == ushort.MaxValue) && end >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end - 20)) == Zip64Locator)
            {
                var zip64 = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(end - 20 + 8));
                Expect(bytes, zip64, Zip64End, path);
                count = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)zip64 + 32));
                offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan((int)zip64 + 48));
            }

            return (offset, count);
        }

        throw new InvalidDataException($"{path} is not a zip file: it has no end-of-central-directory record");
    }

    // The local header's offset, from the zip64 extra field when the 32-bit one is full.
    private static long LocalOffset(byte[] bytes, long entry, int nameLength, int extraLength)
    {
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)entry + 42));
        if (offset != uint.MaxValue)
        {
            return offset;
        }

        var extra = (int)entry + 46 + nameLength;
        for (var field = extra; field + 4 <= extra + extraLength;)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(field));
            var size = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(field + 2));
            if (id == 1)
            {
                var skip = (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)entry + 24)) == uint.MaxValue ? 8 : 0)
                    + (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)entry + 20)) == uint.MaxValue ? 8 : 0);
                return (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(field + 4 + skip));
            }

            field += 4 + size;
        }

        return offset;
    }

    private static void Expect(byte[] bytes, long at, uint signature, string path)
    {
        if (at < 0 || at + 4 > bytes.Length || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)at)) != signature)
        {
            throw new InvalidDataException($"{path}: a zip record expected at byte {at} is not there; the file is damaged");
        }
    }
}
