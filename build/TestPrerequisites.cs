using Tollgate;

/// <summary>
/// What Tollgate's own tests need beyond the .NET SDK, so that `./build.sh Test` passes on a fresh Debian
/// machine: git, mkfifo, Debian's docker.io (dockerd) and docker-registry for the Package and Deploy tests,
/// a static busybox to build their images from, nginx (with WebDAV) as the shared result cache, PostgreSQL for the store of runs,
/// and chromium (headless) to render the portfolio's dashboard. As root with apt-get,
/// the missing ones are installed;
/// otherwise the target fails naming the packages and the command.
/// </summary>
internal static class TestPrerequisites
{
    private static readonly (string Package, Func<bool> Present)[] Needed =
    [
        ("git", () => OnPath("git")),
        ("coreutils", () => OnPath("mkfifo")),
        ("docker.io", () => OnPath("dockerd")),
        ("docker-registry", () => OnPath("docker-registry")),
        ("nginx", () => OnPath("nginx")),
        ("postgresql", () => Directory.Exists("/usr/lib/postgresql") && Directory.GetDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")))),
        ("chromium", () => OnPath("chromium")),
        ("busybox-static", () => File.Exists("/bin/busybox") && IsStatic("/bin/busybox")),
    ];

    public static async Task EnsureAsync(ITollgateBuild build, TargetContext context)
    {
        var missing = Needed.Where(n => !n.Present()).Select(n => n.Package).ToList();
        if (missing.Count == 0)
        {
            context.Headline = "all present";
            return;
        }

        var install = $"apt-get update && apt-get install -y --no-install-recommends {string.Join(' ', missing)}";
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !OnPath("apt-get"))
        {
            throw new TargetFailedException($"The tests need {string.Join(", ", missing)}; install them (as root on Debian: {install}).");
        }

        context.Log.Always($"Installing what the tests need: {string.Join(", ", missing)} (apt-get)…");
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        foreach (var arguments in new[] { new[] { "update" }, ["install", "-y", "--no-install-recommends", .. missing] })
        {
            var result = await context.RunAsync(new ProcessSpec("apt-get", arguments, build.RootDirectory, TimeSpan.FromMinutes(15), environment));
            if (!result.Succeeded)
            {
                throw new TargetFailedException($"apt-get {arguments[0]} exited {result.ExitCode}: {result.Tail(5)}; install by hand: {install}.");
            }
        }

        context.Headline = $"installed {string.Join(", ", missing)}";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin"])
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    // Debian's busybox package is dynamically linked; the images need busybox-static's. An ELF file with no
    // PT_INTERP program header is static; reading the header is enough.
    private static bool IsStatic(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7F || bytes[4] != 2)
        {
            return false;
        }

        var programHeaders = BitConverter.ToInt64(bytes, 0x20);
        var entrySize = BitConverter.ToUInt16(bytes, 0x36);
        var count = BitConverter.ToUInt16(bytes, 0x38);
        for (var i = 0; i < count; i++)
        {
            if (BitConverter.ToUInt32(bytes, (int)programHeaders + (i * entrySize)) == 3) // PT_INTERP
            {
                return false;
            }
        }

        return true;
    }
}
